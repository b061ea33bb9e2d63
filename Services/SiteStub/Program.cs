using ConcurrencyLab.SiteStub;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddSiteStub();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapSitesApi();
app.MapDefaultEndpoints();
app.Run();
