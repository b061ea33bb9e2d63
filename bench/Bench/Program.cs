using ConcurrencyLab.Bench;

// Benchmarks print their figures; targets live in docs/benchmarks.md, never in tests.
// Usage: dotnet run -c Release --project bench/Bench -- sitestub [concurrency ...]
var which = args.FirstOrDefault() ?? "";
return which switch
{
    "sitestub" => await SiteStubOverhead.RunAsync(args.Skip(1).Select(int.Parse).ToList()),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project bench/Bench -- sitestub [concurrency ...]");
    return 2;
}
