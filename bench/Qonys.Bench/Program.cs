using Qonys.Bench;

// Usage: dotnet run -c Release --project bench/Qonys.Bench -- <name>|all|list [options]
// Exit code 1 when a benchmark fails (its figures printed, then the reason on standard error), 2 for an unknown name.
var benches = Harness.Discover();
var name = args.Length > 0 ? args[0] : "list";
if (name == "list")
{
    foreach (var b in benches) Console.WriteLine($"{b.Name,-24} {b.Description}");
    return 0;
}
var selected = name == "all" ? benches : benches.Where(b => b.Name == name).ToList();
if (selected.Count == 0)
{
    Console.Error.WriteLine($"unknown benchmark '{name}'; try 'list'");
    return 2;
}
var failed = false;
foreach (var b in selected)
{
    Console.WriteLine($"== {b.Name}: {b.Description}");
    try
    {
        await b.RunAsync(args.Skip(1).ToArray());
    }
    catch (BenchmarkFailedException e)
    {
        Console.Error.WriteLine($"FAILED {b.Name}: {e.Message}");
        failed = true;
    }
}
return failed ? 1 : 0;
