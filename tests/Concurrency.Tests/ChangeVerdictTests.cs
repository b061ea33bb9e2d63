using ConcurrencyLab.Concurrency.Reports;

namespace ConcurrencyLab.Concurrency.Tests;

public sealed class ChangeVerdictTests
{
    [Fact]
    public void RoundsThatDoNotOverlapAreFasterOrSlower()
    {
        double[] before = [1_000, 1_020, 990, 1_010, 1_005];
        double[] after = [800, 810, 795, 805, 790];

        var faster = ChangeVerdict.Of("threads", 10, before, after);
        var slower = ChangeVerdict.Of("threads", 10, after, before);

        Assert.Equal(ChangeVerdicts.Faster, faster.Verdict);
        Assert.Equal(ChangeVerdicts.Slower, slower.Verdict);
        // The mean went from 1,005 to 800 ms: 20.4 % faster, the interval entirely below zero.
        Assert.Equal(-0.204, faster.Change, 3);
        Assert.True(faster.DiffHighMs < 0);
        Assert.Equal((1_005.0, 800.0), (faster.BaselineMs, faster.CurrentMs));
    }

    [Fact]
    public void RoundsThatOverlapAreNoChange()
    {
        var change = ChangeVerdict.Of("async", 160, [410, 395, 430, 402], [405, 420, 398, 415]);

        Assert.Equal(ChangeVerdicts.NoChange, change.Verdict);
        Assert.True(change.DiffLowMs < 0 && change.DiffHighMs > 0);
    }

    [Fact]
    public void ASignificantButTinyChangeIsNoChange()
    {
        // 1 % slower, every round: the interval excludes zero, the effect is below 10 %.
        double[] before = [400, 400.5, 399.5, 400.2];
        double[] after = [404, 404.5, 403.5, 404.2];
        var change = ChangeVerdict.Of("async", 160, before, after);

        Assert.True(change.DiffLowMs > 0);
        Assert.Equal(ChangeVerdicts.NoChange, change.Verdict);
        // Asked to call changes from 0.5 %, it is slower.
        Assert.Equal(ChangeVerdicts.Slower, ChangeVerdict.Of("async", 160, before, after, minChange: 0.005).Verdict);
    }

    [Fact]
    public void FewerThanThreeRoundsCannotTellAndTheSentenceSaysWhy()
    {
        var change = ChangeVerdict.Of("threads", 10, [1_000], [2_000, 2_100, 2_050]);

        Assert.Equal(ChangeVerdicts.CannotTell, change.Verdict);
        Assert.Null(change.DiffLowMs);
        Assert.Equal("Against baseline b1: threads (10) cannot tell: rounds ≥ 3 on both sides are needed (baseline 1, this 3); 1.00 s then 2.05 s.",
            ChangeVerdict.Sentence("b1", [change]));
    }

    [Fact]
    public void TheSameRoundsGiveTheSameInterval() =>
        Assert.Equal(ChangeVerdict.Of("t", 2, [10, 12, 11, 13], [11, 12, 14, 12]), ChangeVerdict.Of("t", 2, [10, 12, 11, 13], [11, 12, 14, 12]));
}
