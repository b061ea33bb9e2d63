using System.Globalization;

namespace ConcurrencyLab.Bench;

/// <summary>
/// The floor for the lab's IO processes strategy: the study's multiprocessing pool, in
/// Python, against the same SiteStub (bench/python/io_pool.py, standard library only).
/// </summary>
public static class PythonPool
{
    /// <summary>The pool's wall time in ms; null (and a line saying so) where python3 is missing.</summary>
    public static double? DownloadMs(Uri siteStub, int workers, int latencyMs)
    {
        var script = Path.Combine(RepoPaths.Root(), "bench", "python", "io_pool.py");
        try
        {
            var output = CpuStudy.Run("python3", script, siteStub.Host, siteStub.Port.ToString(CultureInfo.InvariantCulture),
                workers.ToString(CultureInfo.InvariantCulture), latencyMs.ToString(CultureInfo.InvariantCulture));
            return double.Parse(output.Trim(), CultureInfo.InvariantCulture);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Console.Error.WriteLine("python3 was not found: the IO processes row has no Python floor in this run.");
            return null;
        }
    }
}
