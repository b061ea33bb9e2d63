using System.Runtime.CompilerServices;

namespace ConcurrencyLab.Testing;

public static class Eventually
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    /// <summary>Polls until the condition holds; after the limit (30 s) fails naming the condition instead of hanging.</summary>
    public static Task HoldsAsync(Func<bool> condition, CancellationToken cancellationToken, TimeSpan? limit = null,
        [CallerArgumentExpression(nameof(condition))] string what = "") =>
        HoldsAsync(() => Task.FromResult(condition()), cancellationToken, limit, what, TimeSpan.FromMilliseconds(5));

    public static Task HoldsAsync(Func<Task<bool>> condition, CancellationToken cancellationToken, TimeSpan? limit = null,
        [CallerArgumentExpression(nameof(condition))] string what = "") =>
        HoldsAsync(condition, cancellationToken, limit, what, TimeSpan.FromMilliseconds(20));

    private static async Task HoldsAsync(Func<Task<bool>> condition, CancellationToken cancellationToken, TimeSpan? limit, string what, TimeSpan every)
    {
        var bound = limit ?? Limit;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(bound);
        try
        {
            while (!await condition())
                await Task.Delay(every, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"This did not come true within {bound.TotalSeconds:0} s: {what}");
        }
    }
}
