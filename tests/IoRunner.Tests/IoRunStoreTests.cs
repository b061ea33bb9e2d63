using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ConcurrencyLab.RunStore;

namespace ConcurrencyLab.IoRunner.Tests;

/// <summary>Runs kept in the SQLite store outlive the runner, and stored compares are baselines.</summary>
public sealed class IoRunStoreTests : IDisposable
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), $"lab-store-{Guid.NewGuid():N}");

    private Dictionary<string, string?> Settings => new() { [RunStoreRegistration.DataDirKey] = _dataDir };

    [Fact]
    public async Task RunsAndComparesAreStillListedAfterTheRunnerRestarts()
    {
        string runId;
        string compareId;
        await using (var first = await IoLab.StartAsync(ioRunnerSettings: Settings))
        {
            var (_, run) = await first.PostAsync("/io/runs?wait=true", new { strategy = "threads", workers = 2, repeat = 2, latencyMs = 5 });
            Assert.True(run.GetProperty("stored").GetBoolean());
            runId = run.GetProperty("id").GetString()!;
            var (_, compare) = await first.PostAsync("/io/compare", new { repeat = 1, latencyMs = 5 });
            Assert.True(compare.GetProperty("stored").GetBoolean());
            compareId = compare.GetProperty("id").GetString()!;
        }

        await using var second = await IoLab.StartAsync(ioRunnerSettings: Settings);

        var listed = (await second.GetAsync("/io/runs")).EnumerateArray().Select(run => run.GetProperty("id").GetString()).ToList();
        // The run, and the five runs of the compare: newest first.
        Assert.Equal(6, listed.Count);
        Assert.Equal(runId, listed[^1]);
        var stored = await second.GetAsync($"/io/runs/{runId}?timeline=true");
        Assert.Equal("completed", stored.GetProperty("status").GetString());
        Assert.Equal(4, stored.GetProperty("timeline").GetArrayLength());
        var compares = await second.GetAsync("/io/compares");
        Assert.Equal(compareId, Assert.Single(compares.EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(5, (await second.GetAsync($"/io/compares/{compareId}")).GetProperty("rows").GetArrayLength());
    }

    [Fact]
    public async Task TagsFilterTheListAndDeleteRemovesAStoredRun()
    {
        await using var lab = await IoLab.StartAsync(ioRunnerSettings: Settings);
        var ids = new List<string>();
        foreach (var strategy in new[] { "sequential", "threads", "async" })
            ids.Add((await lab.PostAsync("/io/runs?wait=true", new { strategy, repeat = 1, latencyMs = 1 })).Body.GetProperty("id").GetString()!);

        using var tagged = await lab.Client.PutAsync($"/io/runs/{ids[1]}/tags/before-fix", null, IoLab.Cancel);
        Assert.Equal(HttpStatusCode.NoContent, tagged.StatusCode);

        Assert.Equal([ids[1]], Ids(await lab.GetAsync("/io/runs?tag=before-fix")));
        Assert.Equal(["before-fix"], (await lab.GetAsync($"/io/runs/{ids[1]}")).GetProperty("tags").EnumerateArray().Select(tag => tag.GetString()));
        Assert.Equal([ids[2]], Ids(await lab.GetAsync("/io/runs?strategy=async")));
        Assert.Equal([ids[2], ids[1]], Ids(await lab.GetAsync("/io/runs?pageSize=2")));
        Assert.Equal([ids[0]], Ids(await lab.GetAsync("/io/runs?pageSize=2&page=2")));
        Assert.Empty(Ids(await lab.GetAsync("/io/runs?from=2999-01-01")));

        using var deleted = await lab.Client.DeleteAsync($"/io/runs/{ids[0]}", IoLab.Cancel);
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        using var gone = await lab.Client.GetAsync($"/io/runs/{ids[0]}", IoLab.Cancel);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal([ids[2], ids[1]], Ids(await lab.GetAsync("/io/runs")));
    }

    [Fact]
    public async Task ARunAndACompareDownloadAsChromeTraces()
    {
        await using var lab = await IoLab.StartAsync(ioRunnerSettings: Settings);
        var (_, run) = await lab.PostAsync("/io/runs?wait=true", new { strategy = "threads", workers = 3, repeat = 3, latencyMs = 5 });
        var (_, compare) = await lab.PostAsync("/io/compare", new { repeat = 1, latencyMs = 5 });

        using var runTrace = await lab.Client.GetAsync($"/io/runs/{run.GetProperty("id").GetString()}/trace.json", IoLab.Cancel);
        var runEvents = (await runTrace.Content.ReadFromJsonAsync<JsonElement>(IoLab.Cancel)).GetProperty("traceEvents").EnumerateArray().ToList();
        var compareEvents = (await lab.GetAsync($"/io/compares/{compare.GetProperty("id").GetString()}/trace.json")).GetProperty("traceEvents").EnumerateArray().ToList();

        Assert.Equal("application/json", runTrace.Content.Headers.ContentType?.MediaType);
        Assert.Equal(6, runEvents.Count(e => e.GetProperty("ph").GetString() == "X" && e.GetProperty("cat").GetString() == "item"));
        Assert.Equal(3, runEvents.Count(e => e.GetProperty("name").GetString() == "thread_name"));
        // One process track per strategy of the compare.
        Assert.Equal(5, compareEvents.Count(e => e.GetProperty("name").GetString() == "process_name"));
        using var missing = await lab.Client.GetAsync("/io/runs/nope/trace.json", IoLab.Cancel);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Theory]
    [InlineData("/io/runs?pageSize=101", "pageSize")]
    [InlineData("/io/runs?page=0", "page")]
    [InlineData("/io/runs?from=yesterday", "from")]
    [InlineData("/io/runs?strategy=fibers", "strategy")]
    [InlineData("/io/runs?tag=no%20spaces", "tag")]
    public async Task ABadListQueryIsA400NamingTheField(string path, string field)
    {
        await using var lab = await IoLab.StartAsync(ioRunnerSettings: Settings);

        using var response = await lab.Client.GetAsync(path, IoLab.Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"\"{field}\"", await response.Content.ReadAsStringAsync(IoLab.Cancel));
    }

    [Fact]
    public async Task AMuchSlowerCompareFailsAgainstItsBaselineWithA422()
    {
        await using var lab = await IoLab.StartAsync(ioRunnerSettings: Settings);
        var (_, before) = await lab.PostAsync("/io/compare", new { repeat = 2, latencyMs = 10, rounds = 3 });
        using var tag = await lab.Client.PutAsync($"/io/runs/{before.GetProperty("id").GetString()}/tags/baseline", null, IoLab.Cancel);

        // Ten times the latency: every strategy is slower in every round.
        var (slower, problem) = await lab.PostAsync("/io/compare?baseline&failOn=slower", new { repeat = 2, latencyMs = 100, rounds = 3 });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, slower.StatusCode);
        Assert.Equal("application/problem+json", slower.Content.Headers.ContentType?.MediaType);
        var rows = problem.GetProperty("change").GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(5, rows.Count);
        Assert.Contains(rows, row => row.GetProperty("verdict").GetString() == "slower");
        Assert.StartsWith($"Against baseline {before.GetProperty("id").GetString()}: ", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("/io/compare?baseline=nothing-tagged-so", HttpStatusCode.NotFound, "baseline")]
    [InlineData("/io/compare?failOn=faster&baseline", HttpStatusCode.BadRequest, "failOn")]
    [InlineData("/io/compare?failOn=slower", HttpStatusCode.BadRequest, "failOn")]
    [InlineData("/io/compare?baseline&minChange=-1", HttpStatusCode.BadRequest, "minChange")]
    public async Task ABadBaselineIsRefusedBeforeAnythingRuns(string path, HttpStatusCode status, string named)
    {
        await using var lab = await IoLab.StartAsync(ioRunnerSettings: Settings);

        using var response = await lab.Client.PostAsJsonAsync(path, new { repeat = 1, latencyMs = 1 }, IoLab.Cancel);

        Assert.Equal(status, response.StatusCode);
        Assert.Contains(named, await response.Content.ReadAsStringAsync(IoLab.Cancel));
        Assert.Empty(Ids(await lab.GetAsync("/io/runs")));
    }

    [Fact]
    public async Task WhileAnotherProcessLocksTheStoreReadsAre503sNamingTheFileAndARunIsKeptInMemory()
    {
        await using var lab = await IoLab.StartAsync(ioRunnerSettings: Settings);
        var file = Path.Combine(_dataDir, "iorunner.db");
        await using (var holder = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file};Pooling=False"))
        {
            // Exclusive locking mode in WAL keeps every other connection out, readers too, until this one
            // closes; it only takes hold while no other connection is open, so the runner's pooled ones go first.
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            await holder.OpenAsync(IoLab.Cancel);
            await using (var lockIt = holder.CreateCommand())
            {
                lockIt.CommandText = "PRAGMA locking_mode=EXCLUSIVE; BEGIN EXCLUSIVE;";
                await lockIt.ExecuteNonQueryAsync(IoLab.Cancel);
            }

            using var listed = await lab.Client.GetAsync("/io/compares", IoLab.Cancel);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, listed.StatusCode);
            Assert.Equal("application/problem+json", listed.Content.Headers.ContentType?.MediaType);
            Assert.Contains(file, await listed.Content.ReadAsStringAsync(IoLab.Cancel));

            var (finished, run) = await lab.PostAsync("/io/runs?wait=true", new { strategy = "threads", workers = 2, repeat = 2, latencyMs = 1 });
            Assert.Equal(HttpStatusCode.OK, finished.StatusCode);
            Assert.Equal("completed", run.GetProperty("status").GetString());
            Assert.False(run.GetProperty("stored").GetBoolean());

            // Not stored, and not lost: the run is still there to read.
            var kept = await lab.GetAsync($"/io/runs/{run.GetProperty("id").GetString()}?timeline=true");
            Assert.Equal(4, kept.GetProperty("timeline").GetArrayLength());
            Assert.False(kept.GetProperty("stored").GetBoolean());
        }

        // Once the lock is gone, the store answers again.
        using var afterwards = await lab.Client.GetAsync("/io/compares", IoLab.Cancel);
        Assert.Equal(HttpStatusCode.OK, afterwards.StatusCode);
    }

    [Fact]
    public void AFileThatIsNotADatabaseStopsTheRunnerNamingTheFile()
    {
        Directory.CreateDirectory(_dataDir);
        var file = Path.Combine(_dataDir, "iorunner.db");
        File.WriteAllText(file, "this is not a database, and it is long enough to have a header page of its own.");

        var error = Assert.Throws<InvalidOperationException>(() => new SqliteRunStore(file).Open());

        Assert.Contains(file, error.Message);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dataDir))
            Directory.Delete(_dataDir, recursive: true);
    }

    private static List<string?> Ids(JsonElement runs) => runs.EnumerateArray().Select(run => run.GetProperty("id").GetString()).ToList();
}
