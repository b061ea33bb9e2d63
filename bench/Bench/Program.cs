using ConcurrencyLab.Bench;

// Benchmarks print their figures; targets live in docs/benchmarks.md, never in tests.
// Usage: dotnet run -c Release --project bench/Bench -- sitestub [concurrency ...] | io [repeats] | io-memory | cpu [repeats] | lab [rounds] | lab-sitestub [rounds] | predict [rounds] | orleans [rounds] | burst URL [count]
var which = args.FirstOrDefault() ?? "";
return which switch
{
    "sitestub" => await SiteStubOverhead.RunAsync(args.Skip(1).Select(int.Parse).ToList()),
    "io" => await IoStudy.RunAsync(repeats: args.Length > 1 ? int.Parse(args[1]) : 3),
    "io-memory" => await IoMemory.RunAsync(),
    "cpu" => await CpuStudy.RunAsync(repeats: args.Length > 1 ? int.Parse(args[1]) : 3),
    "lab" => await LabBench.RunAsync(rounds: args.Length > 1 ? int.Parse(args[1]) : 5),
    "lab-sitestub" => await LabBench.SiteStubRowAsync(rounds: args.Length > 1 ? int.Parse(args[1]) : 15),
    "predict" => await PredictionBench.RunAsync(rounds: args.Length > 1 ? int.Parse(args[1]) : 10),
    "orleans" => await OrleansBench.RunAsync(rounds: args.Length > 1 ? int.Parse(args[1]) : 5),
    "floor-server" => await FloorServer.RunAsync(args[1..]),
    "burst" => await Burst.RunAsync(new Uri(args[1]), args.Length > 2 ? int.Parse(args[2]) : 10_000),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project bench/Bench -- sitestub [concurrency ...] | io [repeats] | io-memory | cpu [repeats] | lab [rounds] | lab-sitestub [rounds] | predict [rounds] | orleans [rounds] | burst URL [count]");
    return 2;
}
