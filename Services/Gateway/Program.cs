using ConcurrencyLab.Gateway;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddLabGateway();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapLabIndex();
app.MapReverseProxy();
app.MapDefaultEndpoints();
app.Run();
