using ConcurrencyLab.Testing;

namespace ConcurrencyLab.IoRunner.Tests;

public sealed class IoRuntimeConfigTests
{
    // Services/LowPauseGc.props: Server GC without its dynamic adaptation (DATAS).
    [Fact]
    public void IoRunnerCollectsGarbageWithFewPauses() => Assert.Equal((true, 0), RuntimeSettings.GcOf("IoRunner"));
}
