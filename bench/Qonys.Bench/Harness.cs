using System.Diagnostics;
using System.Reflection;

namespace Qonys.Bench;

/// <summary>One benchmark: discovered by reflection, run by name from the command line.</summary>
public interface IBench
{
    string Name { get; }
    string Description { get; }
    Task RunAsync(string[] args);
}

public static class Harness
{
    public static List<IBench> Discover() =>
        Assembly.GetExecutingAssembly().GetTypes()
            .Where(t => typeof(IBench).IsAssignableFrom(t) && t is { IsInterface: false, IsAbstract: false })
            .Select(t => (IBench)Activator.CreateInstance(t)!)
            .OrderBy(b => b.Name, StringComparer.Ordinal)
            .ToList();

    /// <summary>Runs <paramref name="action"/> <paramref name="runs"/> times after one warm-up and reports the median.</summary>
    public static Measurement Measure(string label, int runs, Action action)
    {
        action(); // warm-up (JIT, caches)
        var times = new List<double>();
        long peak = 0;
        for (var i = 0; i < runs; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var sw = Stopwatch.StartNew();
            action();
            sw.Stop();
            times.Add(sw.Elapsed.TotalMilliseconds);
            peak = Math.Max(peak, Process.GetCurrentProcess().PeakWorkingSet64);
        }
        times.Sort();
        var m = new Measurement(label, times[times.Count / 2], times[0], times[^1], runs, peak);
        Console.WriteLine(m);
        return m;
    }
}

public sealed record Measurement(string Label, double MedianMs, double MinMs, double MaxMs, int Runs, long PeakWorkingSetBytes)
{
    public override string ToString() =>
        $"{Label,-48} median {MedianMs,10:F1} ms  (min {MinMs:F1}, max {MaxMs:F1}, n={Runs})  peak RSS {PeakWorkingSetBytes / 1048576.0:F0} MiB";
}
