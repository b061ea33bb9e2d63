using ConcurrencyLab.Gateway;
using ConcurrencyLab.Gateway.Lab;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddLabGateway();
builder.AddLabPage();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapLabPage();
app.MapLabIndex();
app.MapApiReference();
app.MapReverseProxy();
app.MapDefaultEndpoints();
app.Run();
