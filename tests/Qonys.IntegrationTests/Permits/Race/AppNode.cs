using Qonys.Web.Host;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Qonys.Web.Platform.Hosting;

namespace Qonys.IntegrationTests.Permits.Race;

/// <summary>
/// The app as a separate operating-system process (<c>dotnet Qonys.Web.dll serve</c>) on a loopback port of its own
/// choosing (port 0: the port is read from the "Now listening on" line the host logs, so no other process can take it
/// between a pick and the bind), in demo mode on a given PostgreSQL database — one node of a multi-node deployment
/// sharing that database — or on a given SQLite file (which outlives the node, for a restart after a crash).
/// </summary>
public sealed partial class AppNode : IAsyncDisposable
{
    const int KeptLogLines = 200;
    readonly Process _process;
    readonly Queue<string> _log = new();
    readonly string _dataFolder;
    readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The node's address, known once it listens (after <see cref="StartAsync"/>).</summary>
    public Uri BaseAddress => _listening.Task.IsCompletedSuccessfully ? _listening.Task.Result : throw new InvalidOperationException("the node is not listening yet");

    AppNode(Process process, string dataFolder)
    {
        _process = process;
        _dataFolder = dataFolder;
    }

    /// <summary>
    /// Starts a node and waits (at most <paramref name="readyWithin"/>) until /health/ready answers 200;
    /// <paramref name="settings"/> are more command-line settings ("--Qonys:Jobs:...=...").
    /// </summary>
    public static async Task<AppNode> StartAsync(string connectionString, TimeSpan readyWithin, string provider = "postgresql", params string[] settings)
    {
        var dll = WebAssemblyPath();
        var folder = Path.Combine(Path.GetTempPath(), "qonys-node-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(folder);
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[]
                 {
                     dll, "serve", "--urls", "http://127.0.0.1:0", "--Qonys:Mode=demo", $"--Qonys:Database:Provider={provider}",
                     $"--Qonys:Database:ConnectionString={connectionString}", "--Qonys:Database:MigrateOnStart=true",
                     $"--Qonys:Database:DataFolder={folder}", "--Qonys:Auth:TokenRequestsPerMinute=100000",
                 }.Concat(settings))
            psi.ArgumentList.Add(a);
        var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start dotnet " + dll);
        var node = new AppNode(process, folder);
        process.OutputDataReceived += (_, e) => node.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => node.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await node.WaitReadyAsync(readyWithin);
        }
        catch
        {
            await node.DisposeAsync();
            throw;
        }
        return node;
    }

    /// <summary>The last lines the process printed, for a failure message.</summary>
    public string RecentLog()
    {
        lock (_log) return string.Join('\n', _log);
    }

    void Keep(string? line)
    {
        if (line is null) return;
        var listening = ListeningLine().Match(line);
        if (listening.Success) _listening.TrySetResult(new Uri(listening.Groups[1].Value));
        lock (_log)
        {
            _log.Enqueue(line);
            while (_log.Count > KeptLogLines) _log.Dequeue();
        }
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:[0-9]+)")]
    private static partial Regex ListeningLine();

    async Task WaitReadyAsync(TimeSpan within)
    {
        var deadline = Stopwatch.StartNew();
        while (!_listening.Task.IsCompleted)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"node exited with {_process.ExitCode} before listening:\n{RecentLog()}");
            if (deadline.Elapsed > within) throw new TimeoutException($"node did not listen within {within}:\n{RecentLog()}");
            await Task.WhenAny(_listening.Task, Task.Delay(200));
        }
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        while (deadline.Elapsed < within)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"node {BaseAddress} exited with {_process.ExitCode}:\n{RecentLog()}");
            try
            {
                using var response = await client.GetAsync("/health/ready");
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { /* not listening yet */ }
            catch (TaskCanceledException) { /* busy starting */ }
            await Task.Delay(200);
        }
        throw new TimeoutException($"node {BaseAddress} was not ready within {within}:\n{RecentLog()}");
    }

    /// <summary>
    /// Qonys.Web.dll with its runtimeconfig: next to the test assembly (the project reference copies it), else the Web
    /// project's own output of the same configuration.
    /// </summary>
    internal static string WebAssemblyPath()
    {
        var referenced = typeof(QonysApp).Assembly.Location;
        if (File.Exists(Path.ChangeExtension(referenced, ".runtimeconfig.json"))) return referenced;
        var testDir = new DirectoryInfo(AppContext.BaseDirectory);
        var (framework, configuration) = (testDir.Name, testDir.Parent!.Name);
        var root = testDir;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Qonys.slnx"))) root = root.Parent;
        var own = root is null ? null : Path.Combine(root.FullName, "src", "Qonys.Web", "bin", configuration, framework, "Qonys.Web.dll");
        return own is not null && File.Exists(Path.ChangeExtension(own, ".runtimeconfig.json"))
            ? own
            : throw new FileNotFoundException($"Qonys.Web.dll with a runtimeconfig was found neither at {referenced} nor at {own}");
    }

    /// <summary>Kills the process as <c>kill -9</c> does (SIGKILL: no shutdown, no flush) and waits until it is gone.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try { Directory.Delete(_dataFolder, recursive: true); }
        catch (IOException) { }
    }
}
