using System.Globalization;

namespace ConcurrencyLab.Bench;

/// <summary>CPU time so far of the processes of the given names (Linux /proc), in milliseconds.</summary>
public static class ProcessCpu
{
    // /proc/<pid>/stat counts in clock ticks, 100 a second on Linux.
    private const double MsPerTick = 10;

    public static double Milliseconds(params string[] processNames)
    {
        // The kernel keeps a process's name to 15 characters ("Aspire.Dashboar").
        var comms = processNames.Select(name => name.Length > 15 ? name[..15] : name).ToHashSet();
        double total = 0;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                if (!comms.Contains(File.ReadAllText(Path.Combine(directory, "comm")).Trim()))
                    continue;
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                // Fields after the command's closing parenthesis: state is the 3rd field, utime the 14th, stime the 15th.
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                total += (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) * MsPerTick;
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException or FormatException)
            {
                // Not a process, or it ended meanwhile.
            }
        }

        return total;
    }
}
