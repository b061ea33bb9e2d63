namespace ConcurrencyLab.Concurrency.Reports;

/// <summary>A run, compare or sweep against the stored one it was compared with (?baseline=).</summary>
/// <param name="BaselineId">The stored run, compare or sweep.</param>
/// <param name="Rows">Each strategy (and worker count) found on both sides.</param>
/// <param name="Sentence">The verdict on change in one sentence.</param>
public sealed record BaselineChange(string BaselineId, IReadOnlyList<StrategyChange> Rows, string Sentence)
{
    /// <summary>Whether any strategy got slower at 95 % (what ?failOn=slower refuses).</summary>
    public bool AnySlower => Rows.Any(row => row.Verdict == ChangeVerdicts.Slower);
}

/// <param name="BaselineMs">The baseline's median wall time over its rounds.</param>
/// <param name="CurrentMs">This one's median wall time over its rounds.</param>
/// <param name="Change">The relative change of the mean wall time: -0.2 is 20 % faster.</param>
/// <param name="DiffLowMs">The 95 % interval of the change in mean wall time (this minus baseline), from the rounds; null with too few.</param>
/// <param name="Verdict">faster, slower, no change, or cannot tell (ChangeVerdicts).</param>
public sealed record StrategyChange(
    string Strategy,
    int Workers,
    double BaselineMs,
    double CurrentMs,
    double Change,
    double? DiffLowMs,
    double? DiffHighMs,
    int BaselineRounds,
    int CurrentRounds,
    string Verdict);

public static class ChangeVerdicts
{
    public const string Faster = "faster";
    public const string Slower = "slower";
    public const string NoChange = "no change at 95 %";
    public const string CannotTell = "cannot tell";
}
