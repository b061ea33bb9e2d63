using ConcurrencyLab.Concurrency.Api;
using ConcurrencyLab.CpuKernel;
using ConcurrencyLab.CpuRunner;
using ConcurrencyLab.RunStore;

// Started by the processes strategy as one of its worker processes.
if (args.Contains(CpuWorker.Argument))
    return await CpuWorker.RunAsync();

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddRunStore("cpurunner");
builder.AddCpuRunner();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapRunsApi("/cpu", "CPU");
app.MapWorkApi();
app.MapInstanceApi("/cpu");
app.MapDefaultEndpoints();
app.Run();
return 0;
