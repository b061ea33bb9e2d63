namespace ConcurrencyLab.Bench;

/// <summary>Finds the repository root (where Aspire.sln is) from the working directory.</summary>
public static class RepoPaths
{
    public static string Root()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Aspire.sln")))
                return dir.FullName;
        }

        throw new DirectoryNotFoundException("Run the benchmark from inside the repository.");
    }

    /// <summary>A service's executable as `dotnet run --project AppHost` builds it (Debug, optimised).</summary>
    public static string Service(string name) =>
        Path.Combine(Root(), "Services", name, "bin", "Debug", "net10.0", name);
}
