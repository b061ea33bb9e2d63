namespace ConcurrencyLab.Concurrency.Tests;

public static class Eventually
{
    /// <summary>Polls until the condition holds; fails the test after 20 s instead of hanging.</summary>
    public static async Task HoldsAsync(Func<bool> condition)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        while (!condition())
            await Task.Delay(5, timeout.Token);
    }
}
