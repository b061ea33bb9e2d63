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
builder.AddLabOpenApi("CpuRunner", "The CPU-bound experiment: exact sums of squares under each concurrency strategy, and one kernel call per replica.", CpuRequestExamples.All);
builder.AddCpuRunner();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapRunsApi("/cpu", "CPU", typeof(CpuRunRequest));
app.MapWorkApi();
app.MapClusterApi();
app.MapInstanceApi("/cpu");
app.MapLabOpenApi("/cpu");
app.MapDefaultEndpoints();
app.Run();
return 0;
