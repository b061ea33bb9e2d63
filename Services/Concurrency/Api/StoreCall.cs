using ConcurrencyLab.Concurrency.Runs;
using Microsoft.AspNetCore.Http;

namespace ConcurrencyLab.Concurrency.Api;

/// <summary>Runs a request's use of the store, answering 503 with the file's name while the store is locked or unreadable.</summary>
public static class StoreCall
{
    public static async Task<IResult> RunAsync(IRunStore store, Func<Task<IResult>> call)
    {
        try
        {
            return await call();
        }
        catch (RunStoreUnavailableException error)
        {
            return Problems.StoreUnavailable(store.Location, error.InnerException?.Message ?? error.Message);
        }
    }
}
