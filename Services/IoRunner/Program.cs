using ConcurrencyLab.Concurrency.Api;
using ConcurrencyLab.IoRunner;
using ConcurrencyLab.RunStore;

// Started by the processes strategy as one of its worker processes.
if (args.Contains(IoWorker.Argument))
    return await IoWorker.RunAsync();

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddRunStore("iorunner");
builder.AddIoRunner();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapRunsApi("/io", "IO");
app.MapProbeApi();
app.MapInstanceApi("/io");
app.MapDefaultEndpoints();
app.Run();
return 0;
