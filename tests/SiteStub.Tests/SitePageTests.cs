using System.Text;

namespace ConcurrencyLab.SiteStub.Tests;

public sealed class SitePageTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(120)]
    [InlineData(512)]
    [InlineData(10 * 1024)]
    [InlineData(64 * 1024 + 1)]
    [InlineData(300_000)]
    public void ABodyHasExactlyTheSizeAskedFor(long size)
    {
        var page = new SitePage("jython", "Jython");

        Assert.Equal(size, Body(page, size).Length);
    }

    [Fact]
    public void TheSameSiteAndSizeGiveTheSameBytesOnEveryBuild()
    {
        var first = Body(new SitePage("jython", "Jython"), 200_000);
        var second = Body(new SitePage("jython", "Jython"), 200_000);

        Assert.Equal(first, second);
    }

    [Fact]
    public void DifferentSitesHaveDifferentText()
    {
        var jython = Body(new SitePage("jython", "Same title"), 4096);
        var dice = Body(new SitePage("dice", "Same title"), 4096);

        Assert.NotEqual(jython, dice);
    }

    [Fact]
    public void ABodyLargeEnoughForTheFrameIsAWholeHtmlDocument()
    {
        var html = Encoding.UTF8.GetString(Body(new SitePage("dice", "Dice"), 512));

        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("<title>Dice</title>", html);
        Assert.EndsWith("</body>\n</html>\n", html);
    }

    [Fact]
    public void ASmallerBodyIsTheStartOfTheLargerOne()
    {
        var page = new SitePage("jython", "Jython");

        var large = Body(page, 100_000);
        var small = Body(page, 50);

        Assert.Equal(large.Take(50), small);
    }

    private static byte[] Body(SitePage page, long size) =>
        page.Segments(size).SelectMany(segment => segment.ToArray()).ToArray();
}
