using ConcurrencyLab.Concurrency.Workers;
using ConcurrencyLab.Contracts;

namespace ConcurrencyLab.IoRunner.Tests;

/// <summary>
/// Both builds of the IO worker process speak the same protocol and download the same
/// bytes: the natively compiled IoWorker the processes strategy starts, and IoRunner's own
/// worker mode, its fallback on a machine that cannot compile natively.
/// </summary>
public sealed class IoWorkerBuildsTests
{
    [Theory]
    [InlineData("native")]
    [InlineData("jit")]
    public async Task EachWorkerBuildDownloadsAPageItIsSent(string kind)
    {
        await using var lab = await IoLab.StartAsync();
        var native = IoWorker.Launcher(lab.SiteStub.Client.BaseAddress!, TimeSpan.FromSeconds(10));
        // The build publishes the native worker where gcc is (this machine, the CI machine).
        Assert.Equal("native", native.Kind);
        IWorkerLauncher launcher = kind == "native"
            ? native
            : new SelfWorkerLauncher(typeof(IoWorker).Assembly.Location, IoWorker.Argument, new Dictionary<string, string>
            {
                [IoWorkerProcess.SiteStubVariable] = lab.SiteStub.Client.BaseAddress!.ToString(),
                [IoWorkerProcess.TimeoutVariable] = "10000",
            });

        await using var worker = await WorkerProcess.StartAsync(launcher, IoLab.Cancel);
        await worker.SendAsync(new WorkerRequest(0, "/sites/dice?latencyMs=1", null), IoLab.Cancel);
        var reply = await worker.ReceiveAsync(0, IoLab.Cancel);

        Assert.Equal((0, true, 512L), (reply.Index, reply.Ok, reply.Bytes));
        await lab.WaitUntilAsync(stats => stats.Total.Served == 1);
    }
}
