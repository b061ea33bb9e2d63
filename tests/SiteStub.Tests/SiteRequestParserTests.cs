using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace ConcurrencyLab.SiteStub.Tests;

public sealed class SiteRequestParserTests
{
    private static readonly SiteStubOptions Options = new();
    private static readonly SiteDefinition Dice = Options.Sites["dice"];

    [Fact]
    public void NoParametersTakeTheSiteDefaults()
    {
        var request = Parse("");

        Assert.NotNull(request);
        Assert.Equal(new LatencyModel(100, LatencyDistribution.Fixed, 0), request.Latency);
        Assert.Equal(512, request.SizeBytes);
        Assert.Null(request.Seed);
        Assert.Null(request.BandwidthKBps);
        Assert.Equal(0, request.FailRate);
        Assert.Equal(FailMode.Status, request.FailMode);
        Assert.Equal(503, request.FailStatus);
    }

    [Fact]
    public void EveryParameterIsRead()
    {
        var request = Parse("?latencyMs=250&dist=LogNormal&jitterMs=30&seed=-9&sizeBytes=2048&bandwidthKBps=64.5&failRate=0.25&failMode=reset&failStatus=429");

        Assert.NotNull(request);
        Assert.Equal(new LatencyModel(250, LatencyDistribution.LogNormal, 30), request.Latency);
        Assert.Equal(-9, request.Seed);
        Assert.Equal(2048, request.SizeBytes);
        Assert.Equal(64.5, request.BandwidthKBps);
        Assert.Equal(0.25, request.FailRate);
        Assert.Equal(FailMode.Reset, request.FailMode);
        Assert.Equal(429, request.FailStatus);
    }

    [Fact]
    public void TheSeedProfileApproximatesTheStudyAndExplicitValuesOverrideIt()
    {
        var profile = Parse("?profile=seed");
        var overridden = Parse("?profile=seed&jitterMs=0");

        Assert.Equal(new LatencyModel(290, LatencyDistribution.Normal, 40), profile!.Latency);
        Assert.Equal(new LatencyModel(290, LatencyDistribution.Normal, 0), overridden!.Latency);
    }

    [Theory]
    [InlineData("?latencyMs=abc", "latencyMs")]
    [InlineData("?latencyMs=-1", "latencyMs")]
    [InlineData("?latencyMs=120001", "latencyMs")]
    [InlineData("?latencyMs=NaN", "latencyMs")]
    [InlineData("?latencyMs=1&latencyMs=2", "latencyMs")]
    [InlineData("?latencyMs=", "latencyMs")]
    [InlineData("?jitterMs=-5", "jitterMs")]
    [InlineData("?dist=gaussian", "dist")]
    [InlineData("?dist=1", "dist")]
    [InlineData("?seed=1.5", "seed")]
    [InlineData("?seed=99999999999", "seed")]
    [InlineData("?sizeBytes=-1", "sizeBytes")]
    [InlineData("?sizeBytes=16777217", "sizeBytes")]
    [InlineData("?sizeBytes=1e3.5", "sizeBytes")]
    [InlineData("?bandwidthKBps=0", "bandwidthKBps")]
    [InlineData("?failRate=1.01", "failRate")]
    [InlineData("?failRate=-0.1", "failRate")]
    [InlineData("?failStatus=200", "failStatus")]
    [InlineData("?failStatus=600", "failStatus")]
    [InlineData("?failMode=explode", "failMode")]
    [InlineData("?profile=moon", "profile")]
    [InlineData("?latency=5", "latency")]
    public void ABadParameterIsAnErrorThatNamesIt(string query, string field)
    {
        var request = SiteRequestParser.Parse(Query(query), Dice, Options, out var errors);

        Assert.Null(request);
        var message = Assert.Single(Assert.Contains(field, errors));
        Assert.Contains(field, message);
    }

    [Fact]
    public void AnOutOfRangeErrorStatesTheLimit()
    {
        SiteRequestParser.Parse(Query("?sizeBytes=99999999999"), Dice, Options, out var errors);

        Assert.Contains("between 0 and 16,777,216", errors["sizeBytes"][0]);
    }

    [Fact]
    public void EveryBadParameterIsReportedAtOnce()
    {
        SiteRequestParser.Parse(Query("?latencyMs=x&failRate=2&bogus=1"), Dice, Options, out var errors);

        Assert.Equal(["bogus", "failRate", "latencyMs"], errors.Keys.Order());
    }

    private static SiteRequest? Parse(string query)
    {
        var request = SiteRequestParser.Parse(Query(query), Dice, Options, out var errors);
        Assert.Empty(errors);
        return request;
    }

    private static QueryCollection Query(string query) => new(QueryHelpers.ParseQuery(query));
}
