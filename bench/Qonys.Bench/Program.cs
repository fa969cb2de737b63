using Qonys.Bench;

// Usage: dotnet run -c Release --project bench/Qonys.Bench -- <name>|all|list [options]
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
foreach (var b in selected)
{
    Console.WriteLine($"== {b.Name}: {b.Description}");
    await b.RunAsync(args.Skip(1).ToArray());
}
return 0;
