using ConcurrencyLab.Gateway.Lab.Client;

namespace ConcurrencyLab.Gateway.Tests;

public sealed class RunFormModelTests
{
    // The strategies as the runners list them (GET /{workload}/strategies), trimmed to what the form reads.
    private static readonly IReadOnlyList<StrategyView> Io = [new("threads", "", ["workers", "clientPerWorker"]), new("async", "", ["maxConcurrency"])];
    private static readonly IReadOnlyList<StrategyView> Cpu = [new("threads", "", ["workers"]), new("gil", "", ["workers", "switchIntervalMs"])];

    [Fact]
    public void NumbersGoAsNumbersAndAnythingElseAsTypedSoTheRunnerNamesTheField()
    {
        var form = new RunFormModel { Strategy = "threads", Workers = "many", Repeat = " 3 ", LatencyMs = "2.5", FailRate = "" };

        var body = form.RunBody(Io).ToJsonString();

        Assert.Equal("""{"strategy":"threads","workers":"many","repeat":3,"latencyMs":2.5}""", body);
    }

    [Fact]
    public void CompareLeavesTheStrategyOutAndSweepTheWorkers()
    {
        var form = new RunFormModel { Workload = Workloads.Cpu, Strategy = "gil", Workers = "2", Start = "100", Count = "4", SwitchIntervalMs = "5", WorkerCounts = "1, 2,x" };

        Assert.Equal("""{"workers":2,"start":100,"count":4,"switchIntervalMs":5}""", form.CompareBody(Cpu).ToJsonString());
        Assert.Equal("""{"strategy":"gil","workerCounts":[1,2,"x"],"start":100,"count":4,"switchIntervalMs":5}""", form.SweepBody(Cpu).ToJsonString());
    }

    [Fact]
    public void RoundsGoWithACompareOrASweepAndTracingWithEveryRun()
    {
        var form = new RunFormModel { Workload = Workloads.Cpu, Strategy = "threads", Workers = "2", Start = "", Count = "", SwitchIntervalMs = "", Rounds = "5", Tracing = "off" };

        Assert.Equal("""{"workers":2,"rounds":5,"tracing":"off"}""", form.CompareBody(Cpu).ToJsonString());
        Assert.Equal("""{"strategy":"threads","rounds":5,"tracing":"off"}""", form.SweepBody(Cpu).ToJsonString());
        Assert.Equal("""{"strategy":"threads","workers":2,"tracing":"off"}""", form.RunBody(Cpu).ToJsonString());
    }

    [Fact]
    public void TheSwitchIntervalGoesOnlyWithAStrategyThatReadsIt()
    {
        var form = new RunFormModel { Workload = Workloads.Cpu, Strategy = "threads", Workers = "2", Start = "", Count = "", SwitchIntervalMs = "5" };

        Assert.Equal("""{"strategy":"threads","workers":2}""", form.RunBody(Cpu).ToJsonString());
        Assert.Equal("""{"strategy":"threads","workers":2,"switchIntervalMs":5}""",
            form.RunBody([new StrategyView("threads", "", ["workers", "switchIntervalMs"])]).ToJsonString());
        Assert.Equal("""{"workers":2}""", form.CompareBody([Cpu[0]]).ToJsonString());
    }

    [Fact]
    public void TheStudySettingsAskForTheSeedProfileAndNoLatencyOfTheirOwn()
    {
        var form = new RunFormModel { Strategy = "threads" };

        form.UseStudySettings();

        Assert.Equal("""{"strategy":"threads","workers":10,"repeat":80,"profile":"seed","failRate":0}""", form.RunBody(Io).ToJsonString());
    }

    [Fact]
    public void SwitchingToCpuSendsOneWorkerPerCoreAndTheCpuFields()
    {
        var form = new RunFormModel { Strategy = "async", Workers = "160", WorkerCounts = "5,10" };

        form.SwitchTo(Workloads.Cpu);

        Assert.Equal($$"""{"strategy":"threads","workers":{{Environment.ProcessorCount}},"start":5000000,"count":20}""", form.RunBody(Cpu).ToJsonString());
        Assert.Equal("""{"strategy":"threads","start":5000000,"count":20}""", form.SweepBody(Cpu).ToJsonString());
    }
}
