namespace ConcurrencyLab.Concurrency.Engine;

/// <summary>
/// A point where long-running work lets its strategy step in, between chunks: the gil
/// strategy hands its global lock over here, as CPython's interpreter does between
/// bytecodes. Work calls Pass(); a strategy installs a hook for the current thread.
/// </summary>
public static class WorkCheckpoint
{
    [ThreadStatic]
    private static Action? t_hook;

    public static void Pass() => t_hook?.Invoke();

    /// <summary>Runs the hook at every checkpoint on this thread until the scope is disposed.</summary>
    public static Scope Install(Action hook)
    {
        t_hook = hook;
        return default;
    }

    public readonly struct Scope : IDisposable
    {
        public void Dispose() => t_hook = null;
    }
}
