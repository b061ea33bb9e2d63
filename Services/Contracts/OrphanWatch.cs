namespace ConcurrencyLab.Concurrency.Workers;

/// <summary>
/// Ends a worker process whose parent is gone (killed, crashed): on Linux an orphan is
/// handed to another parent, so a changed parent pid means nobody is waiting for it.
/// A worker blocked in a long item would otherwise outlive its runner.
/// </summary>
public static class OrphanWatch
{
    private static readonly TimeSpan Every = TimeSpan.FromMilliseconds(500);

    public static void Start()
    {
        if (ParentPid() is not { } parent)
            return;
        var watch = new Thread(() =>
        {
            while (true)
            {
                Thread.Sleep(Every);
                if (ParentPid() != parent)
                    Environment.Exit(3);
            }
        })
        {
            IsBackground = true,
            Name = "orphan-watch",
        };
        watch.Start();
    }

    // The fourth field of /proc/self/stat, after the command name in parentheses.
    private static int? ParentPid()
    {
        if (!OperatingSystem.IsLinux())
            return null;
        var stat = File.ReadAllText("/proc/self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.TryParse(fields[1], out var pid) ? pid : null;
    }
}
