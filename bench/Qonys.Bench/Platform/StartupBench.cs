using System.Diagnostics;
using System.Globalization;

namespace Qonys.Bench.Platform;

/// <summary>
/// Time to ready (process start → first 200 from /health/ready) on an already-migrated PostgreSQL database, and memory
/// at idle (RSS 10 s after ready). Options: --web-dll PATH --connection-string CS [--runs 5] [--idle-seconds 10].
/// Prints one RESULT line for bench/run.sh.
/// </summary>
public sealed class StartupBench : IBench
{
    public string Name => "platform-startup";

    public string Description => "app process start → /health/ready 200 (migrated PostgreSQL), and RSS at idle; needs --web-dll, --connection-string";

    public async Task RunAsync(string[] args)
    {
        var options = new BenchArguments(args);
        var dll = options.Required("--web-dll");
        var connectionString = options.Required("--connection-string");
        var runs = options.Number("--runs", 5);
        var idle = TimeSpan.FromSeconds(options.Number("--idle-seconds", 10));
        var folder = Directory.CreateTempSubdirectory("qonys-bench-").FullName;
        var ready = new List<double>();
        var resident = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            var clock = Stopwatch.StartNew();
            using var app = AppProcess.Start(dll, connectionString, folder);
            await app.WaitReadyAsync(TimeSpan.FromMinutes(2));
            ready.Add(clock.Elapsed.TotalMilliseconds);
            await Task.Delay(idle);
            resident.Add(app.ResidentBytes() / 1048576.0);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"run {run + 1}: ready after {ready[^1],7:F0} ms, RSS at idle {resident[^1],6:F0} MiB"));
        }
        Directory.Delete(folder, recursive: true);
        ready.Sort();
        resident.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT time_to_ready_ms={ready[runs / 2]:F0} time_to_ready_min_ms={ready[0]:F0} time_to_ready_max_ms={ready[^1]:F0} idle_rss_mib={resident[runs / 2]:F0} idle_rss_min_mib={resident[0]:F0} idle_rss_max_mib={resident[^1]:F0} runs={runs}"));
    }
}
