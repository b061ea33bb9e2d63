using ConcurrencyLab.Gateway;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddLabGateway();

var app = builder.Build();
app.MapLabIndex();
app.MapReverseProxy();
app.MapDefaultEndpoints();
app.Run();
