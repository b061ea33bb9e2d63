using System.Diagnostics;

namespace ConcurrencyLab.Bench;

/// <summary>A lab service started from its build output, as a separate process on loopback.</summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServerProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public int Pid => _process.Id;

    /// <param name="host">"localhost" listens and is reached as the lab's services are (IPv6 loopback first, here).</param>
    public static async Task<ServerProcess> StartAsync(string executable, int port, IReadOnlyDictionary<string, string>? environment = null,
        IReadOnlyList<string>? arguments = null, string host = "127.0.0.1")
    {
        if (!File.Exists(executable))
            throw new FileNotFoundException($"Build the service first (dotnet build): {executable} is missing.");
        var address = new Uri($"http://{host}:{port}");
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(executable)!,
        };
        foreach (var argument in arguments ?? [])
            start.ArgumentList.Add(argument);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(address.ToString());
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            start.Environment[name] = value;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Logging__LogLevel__Default"] = "Warning";

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {executable}.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, line) => { if (line.Data is not null) Console.Error.WriteLine($"[server] {line.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var probe = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(2) };
        for (var attempt = 0; attempt < 150; attempt++)
        {
            try
            {
                using var health = await probe.GetAsync("/health");
                if (health.IsSuccessStatusCode)
                    return new ServerProcess(process, address);
            }
            catch (HttpRequestException)
            {
                await Task.Delay(200);
            }
        }

        process.Kill(entireProcessTree: true);
        throw new TimeoutException($"{executable} did not answer /health on {address}.");
    }

    /// <summary>The process's OS thread count, from /proc.</summary>
    public int ThreadCount()
    {
        foreach (var line in File.ReadLines($"/proc/{Pid}/status"))
        {
            if (line.StartsWith("Threads:", StringComparison.Ordinal))
                return int.Parse(line["Threads:".Length..].Trim());
        }

        return -1;
    }

    /// <summary>Resident memory of a process, in bytes, from /proc.</summary>
    public static long ResidentBytes(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0]) * 1024;
        }

        return 0;
    }

    /// <summary>The process's CPU time (user + system) so far, from /proc.</summary>
    public TimeSpan CpuTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
