using ConcurrencyLab.Concurrency.Runs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ConcurrencyLab.RunStore;

public static class RunStoreRegistration
{
    /// <summary>The configuration key naming the folder the lab keeps its data in (the AppHost sets it).</summary>
    public const string DataDirKey = "Lab:DataDir";

    /// <summary>
    /// Keeps the runner's finished runs in {Lab:DataDir}/{name}.db, opened (and checked) when
    /// the runner starts: a file that is not a database stops it with a message naming the
    /// file. Without Lab:DataDir nothing is stored and runs live in memory only.
    /// </summary>
    public static IHostApplicationBuilder AddRunStore(this IHostApplicationBuilder builder, string name)
    {
        var folder = builder.Configuration[DataDirKey];
        if (string.IsNullOrWhiteSpace(folder))
            return builder;
        var store = new SqliteRunStore(Path.Combine(folder, $"{name}.db"));
        store.Open();
        builder.Services.AddSingleton<IRunStore>(store);
        return builder;
    }
}
