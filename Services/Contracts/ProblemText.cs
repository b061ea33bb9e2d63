namespace ConcurrencyLab.Contracts;

/// <summary>How a problem message quotes what the caller sent: enough to recognise it, never a wall of text.</summary>
public static class ProblemText
{
    public const int QuoteLength = 40;

    /// <summary>The text, cut to `length` characters with an ellipsis when longer.</summary>
    public static string Quote(string text, int length = QuoteLength) => text.Length <= length ? text : text[..length] + "…";
}
