using ConcurrencyLab.CpuRunner;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddCpuRunner();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapWorkApi();
app.MapDefaultEndpoints();
app.Run();
