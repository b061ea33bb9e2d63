using ConcurrencyLab.Concurrency.Api;
using ConcurrencyLab.IoRunner;
using ConcurrencyLab.RunStore;

// Started by the processes strategy as one of its worker processes.
if (args.Contains(IoWorker.Argument))
    return await IoWorker.RunAsync();

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddRunStore("iorunner");
builder.AddLabOpenApi("IoRunner", "The IO-bound experiment: downloads from SiteStub under each concurrency strategy.", IoRequestExamples.All);
builder.AddIoRunner();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapRunsApi("/io", "IO", typeof(IoRunRequest));
app.MapProbeApi();
app.MapInstanceApi("/io");
app.MapLabOpenApi("/io");
app.MapDefaultEndpoints();
app.Run();
return 0;
