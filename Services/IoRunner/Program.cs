using ConcurrencyLab.IoRunner;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddIoRunner();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapProbeApi();
app.MapDefaultEndpoints();
app.Run();
