using System.Diagnostics;
using System.Globalization;
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

    /// <summary>
    /// Runs <paramref name="action"/> <paramref name="runs"/> times after one warm-up and reports the median, min and
    /// max wall time, the median CPU time of this process per run, and the peak resident memory of the measured runs
    /// (<see cref="MemoryWindow"/>: the kernel's high-water mark, reset at the start of each run). Prints a line for
    /// people and a RESULT line (<paramref name="id"/> and key=value pairs) for bench/run.sh.
    /// </summary>
    public static Measurement Measure(string id, string label, int runs, Action action)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(runs, 1);
        action(); // warm-up (JIT, caches)
        var wall = new List<double>();
        var cpu = new List<double>();
        long peak = 0, growth = 0;
        for (var i = 0; i < runs; i++)
        {
            // Start each run from a compacted heap with the free memory returned, so that the window's peak is this
            // run's and not garbage left by the previous one.
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            var resident = MemoryWindow.Reset();
            var cpuBefore = Environment.CpuUsage.TotalTime;
            var sw = Stopwatch.StartNew();
            action();
            sw.Stop();
            cpu.Add((Environment.CpuUsage.TotalTime - cpuBefore).TotalMilliseconds);
            var windowPeak = MemoryWindow.Peak();
            wall.Add(sw.Elapsed.TotalMilliseconds);
            peak = Math.Max(peak, windowPeak);
            growth = Math.Max(growth, windowPeak - resident);
        }
        wall.Sort();
        cpu.Sort();
        var m = new Measurement(id, label, wall[wall.Count / 2], wall[0], wall[^1], runs, cpu[cpu.Count / 2], peak, growth);
        Console.WriteLine(m);
        Console.WriteLine(m.ResultLine());
        return m;
    }
}

/// <param name="PeakRssBytes">The highest resident set size during any measured run (what the process already held included).</param>
/// <param name="GrowthRssBytes">The most any measured run raised the resident set above its size at the run's start.</param>
public sealed record Measurement(
    string Id, string Label, double MedianMs, double MinMs, double MaxMs, int Runs, double MedianCpuMs, long PeakRssBytes, long GrowthRssBytes)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture,
            $"{Label,-48} median {MedianMs,10:F1} ms  (min {MinMs:F1}, max {MaxMs:F1}, n={Runs})  CPU {MedianCpuMs:F0} ms  peak RSS {Mib(PeakRssBytes):F0} MiB (+{Mib(GrowthRssBytes):F0} in the run), {Environment.ProcessorCount} cores");

    /// <summary>The line bench/run.sh reads: <c>RESULT id=... median_ms=... min_ms=... max_ms=... runs=... cpu_ms=... peak_rss_mib=... growth_rss_mib=... cores=...</c>.</summary>
    public string ResultLine() =>
        string.Create(CultureInfo.InvariantCulture,
            $"RESULT id={Id} median_ms={MedianMs:F1} min_ms={MinMs:F1} max_ms={MaxMs:F1} runs={Runs} cpu_ms={MedianCpuMs:F0} peak_rss_mib={Mib(PeakRssBytes):F0} growth_rss_mib={Mib(GrowthRssBytes):F0} cores={Environment.ProcessorCount}");

    static double Mib(long bytes) => bytes / 1048576.0;
}
