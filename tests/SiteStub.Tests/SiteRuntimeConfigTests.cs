using ConcurrencyLab.Testing;

namespace ConcurrencyLab.SiteStub.Tests;

public sealed class SiteRuntimeConfigTests
{
    // Services/LowPauseGc.props: Server GC without its dynamic adaptation (DATAS).
    [Fact]
    public void SiteStubCollectsGarbageWithFewPauses() => Assert.Equal((true, 0), RuntimeSettings.GcOf("SiteStub"));
}
