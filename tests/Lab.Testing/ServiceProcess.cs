using System.Diagnostics;
using System.Net;

namespace ConcurrencyLab.Testing;

/// <summary>A lab service started from the test's build output as a separate OS process, on a free loopback port.</summary>
public static class ServiceProcess
{
    // How long a service may take to bind its port.
    private static readonly TimeSpan BindTimeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Starts the service on a port the OS picks (port 0) and reads the address it bound from
    /// its own log: a port picked free beforehand could be taken by a parallel test's server
    /// before the service binds it, and the test would then talk to that server.
    /// </summary>
    public static Process Start(string service, out Uri address, IDictionary<string, string>? settings = null)
    {
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, service))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
            start.Environment[name] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{service} did not start.");
        // Kept beside the test's build output, so a service that died mid-test says why.
        var folder = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "service-logs"));
        var log = new StreamWriter(Path.Combine(folder.FullName, $"{service}-{process.Id}.log")) { AutoFlush = true };
        var bound = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, line) =>
        {
            Write(log, line.Data);
            if (line.Data?.Split("Now listening on: ", 2) is [_, var listening])
                bound.TrySetResult(new Uri(listening.Trim()));
        };
        process.ErrorDataReceived += (_, line) => Write(log, line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!bound.Task.Wait(BindTimeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{service} did not report the address it listens on within {BindTimeout.TotalSeconds:0} s.");
        }

        address = bound.Task.Result;
        return process;
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
            return;
        lock (log)
            log.WriteLine(line);
    }

    public static async Task<bool> IsHealthyAsync(HttpClient client, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await client.GetAsync("/health", cancellationToken);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    /// <summary>Whether a process has ended (or never existed).</summary>
    public static bool IsGone(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }

    /// <summary>Threads of a process, from /proc.</summary>
    public static int Threads(int pid) =>
        int.Parse(File.ReadLines($"/proc/{pid}/status").First(line => line.StartsWith("Threads:", StringComparison.Ordinal))["Threads:".Length..].Trim());

    /// <summary>Live processes whose parent is pid, from /proc.</summary>
    public static int Children(int pid)
    {
        var count = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (fields[0] != "Z" && fields[1] == pid.ToString(System.Globalization.CultureInfo.InvariantCulture))
                    count++;
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException or ArgumentOutOfRangeException)
            {
                // Not a process, or it ended while being read.
            }
        }

        return count;
    }
}
