using System.Globalization;
using ConcurrencyLab.Concurrency.Runs;
using Microsoft.Data.Sqlite;

namespace ConcurrencyLab.RunStore;

/// <summary>
/// Runs kept in one SQLite file. Write-ahead logging and a busy timeout let the cpurunner
/// replicas share the file; a lock held longer than the timeout surfaces as
/// RunStoreUnavailableException (the API's 503), never as a lost run.
/// </summary>
public sealed class SqliteRunStore : IRunStore
{
    private const int BusyTimeoutSeconds = 5;
    private readonly string _connectionString;

    public SqliteRunStore(string file)
    {
        Location = Path.GetFullPath(file);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Location,
            Mode = SqliteOpenMode.ReadWriteCreate,
            DefaultTimeout = BusyTimeoutSeconds,
        }.ToString();
    }

    public string Location { get; }

    /// <summary>Creates the file and its tables on first use, and checks an existing file is a database.</summary>
    public void Open()
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Location)!);
            using var connection = Connect();
            Execute(connection, "PRAGMA journal_mode=WAL;");
            Execute(connection, """
                CREATE TABLE IF NOT EXISTS entries(
                  id TEXT PRIMARY KEY, kind TEXT NOT NULL, workload TEXT NOT NULL, strategy TEXT,
                  status TEXT NOT NULL, started_at TEXT NOT NULL, wall_ms REAL NOT NULL, report TEXT NOT NULL);
                CREATE INDEX IF NOT EXISTS entries_by_kind_and_start ON entries(kind, started_at DESC);
                CREATE TABLE IF NOT EXISTS tags(
                  entry_id TEXT NOT NULL REFERENCES entries(id) ON DELETE CASCADE, tag TEXT NOT NULL,
                  PRIMARY KEY(entry_id, tag));
                """);
        }
        catch (Exception error) when (error is SqliteException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException(
                $"The run store {Location} could not be opened ({error.Message}). Move the file away or delete it to start with an empty store; runs stored in it are then gone.", error);
        }
    }

    public Task SaveAsync(StoredEntry entry, CancellationToken cancellationToken) => UseAsync(async connection =>
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT OR REPLACE INTO entries(id, kind, workload, strategy, status, started_at, wall_ms, report)
            VALUES ($id, $kind, $workload, $strategy, $status, $started, $wall, $report);
            """;
        command.Parameters.AddWithValue("$id", entry.Id);
        command.Parameters.AddWithValue("$kind", entry.Kind);
        command.Parameters.AddWithValue("$workload", entry.Workload);
        command.Parameters.AddWithValue("$strategy", (object?)entry.Strategy ?? DBNull.Value);
        command.Parameters.AddWithValue("$status", entry.Status);
        command.Parameters.AddWithValue("$started", Timestamp(entry.StartedAt));
        command.Parameters.AddWithValue("$wall", entry.WallMs);
        command.Parameters.AddWithValue("$report", entry.ReportJson);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return true;
    });

    public Task<IReadOnlyList<StoredEntry>> ListAsync(StoreQuery query, CancellationToken cancellationToken) => UseAsync(async connection =>
    {
        await using var command = connection.CreateCommand();
        var kinds = query.Kinds.Select((kind, index) => (kind, name: $"$kind{index}")).ToList();
        var where = new List<string> { $"e.kind IN ({string.Join(", ", kinds.Select(pair => pair.name))})" };
        foreach (var (kind, name) in kinds)
            command.Parameters.AddWithValue(name, kind);
        if (query.Strategy is { } strategy)
        {
            where.Add("e.strategy = $strategy");
            command.Parameters.AddWithValue("$strategy", strategy);
        }
        if (query.From is { } from)
        {
            where.Add("e.started_at >= $from");
            command.Parameters.AddWithValue("$from", Timestamp(from));
        }
        if (query.To is { } to)
        {
            where.Add("e.started_at <= $to");
            command.Parameters.AddWithValue("$to", Timestamp(to));
        }
        if (query.Tag is { } tag)
        {
            where.Add("EXISTS (SELECT 1 FROM tags t WHERE t.entry_id = e.id AND t.tag = $tag)");
            command.Parameters.AddWithValue("$tag", tag);
        }

        command.CommandText = $"""
            SELECT {Columns} FROM entries e WHERE {string.Join(" AND ", where)}
            ORDER BY e.started_at DESC, e.id LIMIT $limit OFFSET $offset;
            """;
        command.Parameters.AddWithValue("$limit", query.PageSize);
        command.Parameters.AddWithValue("$offset", (long)(query.Page - 1) * query.PageSize);
        return (IReadOnlyList<StoredEntry>)await ReadAllAsync(command, cancellationToken);
    });

    public Task<StoredEntry?> FindAsync(string id, CancellationToken cancellationToken) => UseAsync(async connection =>
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM entries e WHERE e.id = $id;";
        command.Parameters.AddWithValue("$id", id);
        return (await ReadAllAsync(command, cancellationToken)).FirstOrDefault();
    });

    public Task<StoredEntry?> FindTaggedAsync(string kind, string tag, CancellationToken cancellationToken) => UseAsync(async connection =>
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {Columns} FROM entries e JOIN tags t ON t.entry_id = e.id
            WHERE e.kind = $kind AND t.tag = $tag ORDER BY e.started_at DESC LIMIT 1;
            """;
        command.Parameters.AddWithValue("$kind", kind);
        command.Parameters.AddWithValue("$tag", tag);
        return (await ReadAllAsync(command, cancellationToken)).FirstOrDefault();
    });

    public Task<bool> DeleteAsync(string id, CancellationToken cancellationToken) => UseAsync(async connection =>
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM tags WHERE entry_id = $id; DELETE FROM entries WHERE id = $id;";
        command.Parameters.AddWithValue("$id", id);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    });

    public Task<bool> TagAsync(string id, string tag, CancellationToken cancellationToken) => UseAsync(async connection =>
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT OR IGNORE INTO tags(entry_id, tag) SELECT id, $tag FROM entries WHERE id = $id; SELECT changes() + (SELECT COUNT(*) FROM tags WHERE entry_id = $id AND tag = $tag);";
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$tag", tag);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) > 0;
    });

    public Task<bool> UntagAsync(string id, string tag, CancellationToken cancellationToken) => UseAsync(async connection =>
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM tags WHERE entry_id = $id AND tag = $tag;";
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$tag", tag);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    });

    private const string Columns =
        "e.id, e.kind, e.workload, e.strategy, e.status, e.started_at, e.wall_ms, e.report, (SELECT group_concat(tag, char(31)) FROM tags WHERE entry_id = e.id)";

    private static async Task<List<StoredEntry>> ReadAllAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var entries = new List<StoredEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var tags = reader.IsDBNull(8) ? [] : reader.GetString(8).Split('\u001f').Order(StringComparer.Ordinal).ToList();
            entries.Add(new StoredEntry(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.GetString(4), DateTimeOffset.Parse(reader.GetString(5), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
                reader.GetDouble(6), reader.GetString(7), tags));
        }

        return entries;
    }

    // Sorts as text in time order: always UTC, always the same width.
    private static string Timestamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private async Task<T> UseAsync<T>(Func<SqliteConnection, Task<T>> use)
    {
        try
        {
            await using var connection = Connect();
            return await use(connection);
        }
        catch (SqliteException error)
        {
            throw new RunStoreUnavailableException(Location, error);
        }
    }

    private SqliteConnection Connect()
    {
        var connection = new SqliteConnection(_connectionString);
        // No foreign-key pragma per connection: DeleteAsync removes an entry's tags itself.
        connection.Open();
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
