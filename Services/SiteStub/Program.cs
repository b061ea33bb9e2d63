using ConcurrencyLab.SiteStub;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddSiteStub();
builder.AddLabOpenApi("SiteStub", "The local stand-in for the study's two web sites, with controllable latency, size and failures.");

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapSitesApi();
app.MapLabOpenApi("/sites");
app.MapDefaultEndpoints();
app.Run();
