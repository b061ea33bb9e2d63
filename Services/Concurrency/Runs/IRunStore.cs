namespace ConcurrencyLab.Concurrency.Runs;

/// <summary>
/// Where finished runs, compares and sweeps are kept across restarts. One small interface,
/// so that a server database can replace the embedded one where the lab is deployed.
/// </summary>
public interface IRunStore
{
    /// <summary>The file or database the store keeps its runs in, for messages.</summary>
    string Location { get; }

    Task SaveAsync(StoredEntry entry, CancellationToken cancellationToken);

    /// <summary>A page of entries of one kind, newest first, that match the query.</summary>
    Task<IReadOnlyList<StoredEntry>> ListAsync(StoreQuery query, CancellationToken cancellationToken);

    Task<StoredEntry?> FindAsync(string id, CancellationToken cancellationToken);

    /// <summary>The newest entry of this kind carrying the tag.</summary>
    Task<StoredEntry?> FindTaggedAsync(string kind, string tag, CancellationToken cancellationToken);

    /// <summary>Removes an entry and its tags; false when there was none.</summary>
    Task<bool> DeleteAsync(string id, CancellationToken cancellationToken);

    /// <summary>Tags an entry; false when there is none with that id.</summary>
    Task<bool> TagAsync(string id, string tag, CancellationToken cancellationToken);

    Task<bool> UntagAsync(string id, string tag, CancellationToken cancellationToken);
}

/// <summary>A stored run ("run"), compare or sweep: the fields its lists filter on, and its whole report as JSON.</summary>
public sealed record StoredEntry(
    string Id,
    string Kind,
    string Workload,
    string? Strategy,
    string Status,
    DateTimeOffset StartedAt,
    double WallMs,
    string ReportJson,
    IReadOnlyList<string>? Tags = null);

/// <summary>Which stored entries to list: their kinds, optional filters, a page (1-based).</summary>
public sealed record StoreQuery(IReadOnlyList<string> Kinds, string? Strategy, DateTimeOffset? From, DateTimeOffset? To, string? Tag, int Page, int PageSize);

/// <summary>The store could not be read or written (locked, corrupt): the API answers 503 naming its location.</summary>
public sealed class RunStoreUnavailableException(string location, Exception inner)
    : Exception($"The run store {location} is unavailable: {inner.Message}", inner)
{
    public string Location { get; } = location;
}
