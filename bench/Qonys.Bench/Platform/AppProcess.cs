using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Qonys.Bench.Platform;

/// <summary>The app as its own process (<c>dotnet Qonys.Web.dll serve</c>) on a free loopback port, on PostgreSQL, in demo mode.</summary>
public sealed class AppProcess : IDisposable
{
    readonly Process _process;
    public Uri BaseAddress { get; }

    AppProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public static AppProcess Start(string webDll, string connectionString, string dataFolder)
    {
        var port = FreePort();
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(webDll))!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[]
                 {
                     Path.GetFullPath(webDll), "serve", "--urls", $"http://127.0.0.1:{port}", "--Qonys:Mode=demo",
                     "--Qonys:Database:Provider=postgresql", $"--Qonys:Database:ConnectionString={connectionString}",
                     "--Qonys:Database:MigrateOnStart=true", $"--Qonys:Database:DataFolder={dataFolder}",
                 })
            psi.ArgumentList.Add(a);
        var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start " + webDll);
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new AppProcess(process, new Uri($"http://127.0.0.1:{port}"));
    }

    /// <summary>Polls /health/ready every 20 ms until it answers 200.</summary>
    public async Task WaitReadyAsync(TimeSpan within)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < within)
        {
            if (_process.HasExited) throw new InvalidOperationException($"the app exited with code {_process.ExitCode}");
            try
            {
                using var response = await client.GetAsync("/health/ready");
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(20);
        }
        throw new TimeoutException($"the app was not ready within {within}");
    }

    /// <summary>Resident set size (VmRSS of /proc/PID/status) in bytes.</summary>
    public long ResidentBytes()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        _process.Dispose();
    }
}
