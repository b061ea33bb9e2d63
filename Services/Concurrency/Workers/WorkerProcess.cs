using System.Diagnostics;

namespace ConcurrencyLab.Concurrency.Workers;

/// <summary>
/// The parent's handle on one worker process: starts it, times its start-up, sends it items
/// over its stdin pipe and reads their replies in order, and makes sure it is gone when disposed.
/// </summary>
public sealed class WorkerProcess : IAsyncDisposable
{
    private static readonly TimeSpan ExitGrace = TimeSpan.FromSeconds(5);
    private readonly Process _process;
    private TimeSpan _cpuAtExit;
    private bool _exitRequested;

    private WorkerProcess(Process process, double startupMs)
    {
        _process = process;
        StartupMs = startupMs;
    }

    public int Pid => _process.Id;

    public double StartupMs { get; }

    /// <summary>CPU time the worker used, read just before it was asked to exit.</summary>
    public TimeSpan CpuTime => _cpuAtExit;

    public static async Task<WorkerProcess> StartAsync(IWorkerLauncher launcher, CancellationToken cancellationToken)
    {
        var start = launcher.CreateStartInfo();
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;

        var started = Stopwatch.GetTimestamp();
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
        // Drain stderr so a chatty worker can never block on a full pipe.
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        try
        {
            var line = await process.StandardOutput.ReadLineAsync(cancellationToken)
                ?? throw new InvalidOperationException($"Worker {process.Id} exited before it was ready.");
            WorkerJson.ReadReady(line);
            return new WorkerProcess(process, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch
        {
            Kill(process);
            process.Dispose();
            throw;
        }
    }

    /// <summary>Sends one item; the worker takes it when it is done with those sent before.</summary>
    public async Task SendAsync(WorkerRequest request, CancellationToken cancellationToken)
    {
        await _process.StandardInput.WriteLineAsync(WorkerJson.Write(request).AsMemory(), cancellationToken);
        await _process.StandardInput.FlushAsync(cancellationToken);
    }

    /// <summary>Waits for the reply to the oldest item sent and not yet answered. Cancelling kills the worker.</summary>
    public async Task<WorkerReply> ReceiveAsync(int index, CancellationToken cancellationToken)
    {
        await using var kill = cancellationToken.Register(() => Kill(_process));
        var line = await _process.StandardOutput.ReadLineAsync(cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        if (line is null)
            throw new WorkerLostException(Pid);
        var reply = WorkerJson.ReadReply(line);
        if (reply.Index != index)
            throw new InvalidDataException($"Worker {Pid} answered item {reply.Index} where item {index} was due.");
        return reply;
    }

    /// <summary>
    /// Reads the worker's CPU time, then closes its stdin: the worker flushes its telemetry
    /// and exits. DisposeAsync waits for that (bounded) and kills it if it does not leave.
    /// </summary>
    public void RequestExit()
    {
        if (_exitRequested)
            return;
        _exitRequested = true;
        try
        {
            if (_process.HasExited)
                return;
            _process.Refresh();
            _cpuAtExit = _process.TotalProcessorTime;
            _process.StandardInput.Close();
        }
        catch (Exception error) when (error is IOException or InvalidOperationException)
        {
            // Its pipe is already gone: DisposeAsync makes sure it is gone too.
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            RequestExit();
            if (!_process.HasExited)
            {
                using var grace = new CancellationTokenSource(ExitGrace);
                await _process.WaitForExitAsync(grace.Token);
            }
        }
        catch (Exception error) when (error is OperationCanceledException or IOException or InvalidOperationException)
        {
            // It did not leave in time, or its pipe is already gone: make sure below.
        }
        finally
        {
            Kill(_process);
            _process.Dispose();
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(ExitGrace);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }
}

public sealed class WorkerLostException(int pid) : Exception($"Worker process {pid} exited before answering.");
