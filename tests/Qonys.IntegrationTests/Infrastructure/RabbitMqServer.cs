using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Qonys.IntegrationTests.Infrastructure;

/// <summary>
/// A throw-away RabbitMQ node for one test: Debian's rabbitmq-server run as the current user (not the package's system
/// service) with its node name, AMQP and distribution ports, Erlang port mapper, database, logs and configuration all
/// private to a temporary folder; <c>rabbitmqctl await_startup</c> waits for it. It can be stopped and started again
/// on the same folder (its durable queues and persistent messages survive), and is removed on dispose.
/// </summary>
public sealed class RabbitMqServer : IAsyncDisposable
{
    const string Bin = "/usr/lib/rabbitmq/bin";
    const string DirPrefix = "qonys-rabbitmq-";

    public static bool Available => File.Exists(Path.Combine(Bin, "rabbitmq-server")) && File.Exists(Path.Combine(Bin, "rabbitmqctl"));
    public static string SkipReason =>
        "No RabbitMQ server (rabbitmq-server, rabbitmqctl in " + Bin + ") was found; install the 'rabbitmq-server' package to run the RabbitMQ tests.";

    readonly string _dir;
    readonly string _node;
    readonly int _distPort;
    readonly int _epmdPort;
    Process? _server;

    public int Port { get; }

    /// <summary>The AMQP address with the default guest account (allowed from loopback).</summary>
    public string Uri => $"amqp://guest:guest@127.0.0.1:{Port}/";

    RabbitMqServer(string dir, int port, int distPort, int epmdPort)
    {
        _dir = dir;
        Port = port;
        _distPort = distPort;
        _epmdPort = epmdPort;
        _node = "qonys" + Guid.NewGuid().ToString("N")[..8] + "@localhost";
    }

    public static async Task<RabbitMqServer> StartAsync()
    {
        if (!Available) throw new InvalidOperationException(SkipReason);
        StopOrphans();
        var dir = Path.Combine(Path.GetTempPath(), DirPrefix + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(dir);
        await File.WriteAllTextAsync(Path.Combine(dir, OwnerFile), Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var server = new RabbitMqServer(dir, FreePort(), FreePort(), FreePort());
        await File.WriteAllTextAsync(Path.Combine(dir, "rabbitmq.conf"),
            $"listeners.tcp.default = 127.0.0.1:{server.Port}\nloopback_users.guest = true\n");
        await File.WriteAllTextAsync(Path.Combine(dir, "enabled_plugins"), "[].\n");
        // The node's Erlang cookie, written before the node or rabbitmqctl can race to create different ones; owner-only, as Erlang demands.
        var cookie = Path.Combine(dir, ".erlang.cookie");
        await File.WriteAllTextAsync(cookie, Guid.NewGuid().ToString("N").ToUpperInvariant());
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(cookie, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        try
        {
            await server.StartAgainAsync();
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
        return server;
    }

    const string OwnerFile = "owner.pid";

    /// <summary>
    /// Kills the nodes (and their port mappers) of earlier test runs whose test process is gone — a test host that is
    /// killed never disposes its broker — and removes their folders.
    /// </summary>
    static void StopOrphans()
    {
        foreach (var dir in Directory.GetDirectories(Path.GetTempPath(), DirPrefix + "*"))
        {
            var owner = Path.Combine(dir, OwnerFile);
            if (!File.Exists(owner) || !int.TryParse(File.ReadAllText(owner), out var pid) || IsAlive(pid)) continue;
            foreach (var process in Process.GetProcessesByName("beam.smp").Concat(Process.GetProcessesByName("epmd")))
                using (process)
                    if (CommandLine(process.Id).Contains(dir, StringComparison.Ordinal) || EnvironmentOf(process.Id).Contains("HOME=" + dir, StringComparison.Ordinal))
                        try { process.Kill(); }
                        catch (InvalidOperationException) { /* already gone */ }
            try { Directory.Delete(dir, recursive: true); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }

    static string CommandLine(int pid) => ReadProc(pid, "cmdline");
    static string EnvironmentOf(int pid) => ReadProc(pid, "environ");

    static string ReadProc(int pid, string file)
    {
        try { return File.ReadAllText($"/proc/{pid}/{file}").Replace('\0', ' '); }
        catch (IOException) { return ""; }
        catch (UnauthorizedAccessException) { return ""; }
    }

    static bool IsAlive(int pid)
    {
        try { using var p = Process.GetProcessById(pid); return !p.HasExited; }
        catch (ArgumentException) { return false; }
    }

    /// <summary>Starts the node (again) on its folder and waits until it accepts connections.</summary>
    public async Task StartAgainAsync()
    {
        var psi = Psi(Path.Combine(Bin, "rabbitmq-server"), []);
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        _server = Process.Start(psi)!;
        // Drained so the server never blocks on a full pipe.
        _ = _server.StandardOutput.ReadToEndAsync();
        _ = _server.StandardError.ReadToEndAsync();
        // await_startup waits for a node that is booting, but fails at once while the node has not yet registered its
        // name with the port mapper: asked again until the node answers or two minutes have passed.
        var until = DateTime.UtcNow.AddMinutes(2);
        for (;;)
        {
            try
            {
                await CtlAsync("await_startup", "--timeout", "120");
                return;
            }
            catch (InvalidOperationException) when (DateTime.UtcNow < until && _server is { HasExited: false })
            {
                await Task.Delay(500);
            }
        }
    }

    /// <summary>Stops the node (the whole Erlang VM) and waits until it is gone.</summary>
    public async Task StopAsync()
    {
        await CtlAsync("stop");
        if (_server is { } p)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await p.WaitForExitAsync(timeout.Token);
            p.Dispose();
            _server = null;
        }
    }

    async Task CtlAsync(params string[] arguments)
    {
        var psi = Psi(Path.Combine(Bin, "rabbitmqctl"), ["-n", _node, .. arguments]);
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        if (p.ExitCode != 0)
            throw new InvalidOperationException($"rabbitmqctl {string.Join(' ', arguments)} failed ({p.ExitCode}): {await stderr} {await stdout} " +
                                                $"(logs in {Path.Combine(_dir, "log")})");
    }

    /// <summary>Everything the node and rabbitmqctl share: the private folder (also as HOME, for the Erlang cookie) and ports.</summary>
    ProcessStartInfo Psi(string file, string[] arguments)
    {
        var psi = new ProcessStartInfo(file) { WorkingDirectory = _dir };
        foreach (var a in arguments) psi.ArgumentList.Add(a);
        var env = psi.Environment;
        env["HOME"] = _dir;
        env["RABBITMQ_NODENAME"] = _node;
        env["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1";
        env["RABBITMQ_NODE_PORT"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        env["RABBITMQ_DIST_PORT"] = _distPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        env["ERL_EPMD_PORT"] = _epmdPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        env["RABBITMQ_MNESIA_BASE"] = Path.Combine(_dir, "mnesia");
        env["RABBITMQ_LOG_BASE"] = Path.Combine(_dir, "log");
        env["RABBITMQ_CONFIG_FILE"] = Path.Combine(_dir, "rabbitmq");
        env["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(_dir, "enabled_plugins");
        env["RABBITMQ_PLUGINS_EXPAND_BASE"] = Path.Combine(_dir, "plugins");
        env["RABBITMQ_PID_FILE"] = Path.Combine(_dir, "rabbitmq.pid");
        return psi;
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        try { if (_server is not null) await StopAsync(); }
        catch (InvalidOperationException) { _server?.Kill(entireProcessTree: true); }
        catch (OperationCanceledException) { _server?.Kill(entireProcessTree: true); }
        // The node's own Erlang port mapper (started on its private port) stays after the node: ask it to go.
        try
        {
            var psi = Psi("epmd", ["-kill"]);
            psi.RedirectStandardOutput = true;
            psi.RedirectStandardError = true;
            using var p = Process.Start(psi);
            if (p is not null) await p.WaitForExitAsync();
        }
        catch (System.ComponentModel.Win32Exception) { /* no epmd on the PATH: nothing to stop */ }
        try { Directory.Delete(_dir, recursive: true); }
        catch (IOException) { }
    }
}

/// <summary>A fact that needs RabbitMQ: skipped, saying why, only where rabbitmq-server is not installed (in CI: fails).</summary>
public sealed class RabbitMqFactAttribute : FactAttribute
{
    public RabbitMqFactAttribute() => Skip = Requirements.SkipReason(RabbitMqServer.Available, RabbitMqServer.SkipReason);
}

/// <summary>A theory that needs RabbitMQ (rows on each provider): skipped, saying why, only where rabbitmq-server is missing (in CI: fails).</summary>
public sealed class RabbitMqTheoryAttribute : TheoryAttribute
{
    public RabbitMqTheoryAttribute() => Skip = Requirements.SkipReason(RabbitMqServer.Available, RabbitMqServer.SkipReason);
}
