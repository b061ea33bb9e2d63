namespace ConcurrencyLab.Testing;

public static class Eventually
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    /// <summary>Polls until the condition holds; fails (cancels) after the limit (30 s) instead of hanging.</summary>
    public static async Task HoldsAsync(Func<bool> condition, CancellationToken cancellationToken, TimeSpan? limit = null)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limit ?? Limit);
        while (!condition())
            await Task.Delay(5, timeout.Token);
    }

    public static async Task HoldsAsync(Func<Task<bool>> condition, CancellationToken cancellationToken, TimeSpan? limit = null)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limit ?? Limit);
        while (!await condition())
            await Task.Delay(20, timeout.Token);
    }
}
