using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Qonys.IntegrationTests.Infrastructure;

/// <summary>
/// A throw-away PostgreSQL cluster for the test run: initdb into a temporary folder, pg_ctl start on a free
/// loopback port, removed at the end. As root (CI) the server runs as the 'postgres' user through runuser.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    static readonly Lazy<string?> BinDir = new(FindBinaries);
    static readonly SemaphoreSlim Gate = new(1, 1);
    static PostgresServer? _shared;

    public static bool Available => BinDir.Value is not null;
    public static string SkipReason =>
        "No PostgreSQL server binaries (initdb, pg_ctl) were found; install the 'postgresql' package to run the PostgreSQL tests.";

    readonly string _dir;
    readonly bool _asPostgresUser;
    public int Port { get; }

    PostgresServer(string dir, int port, bool asPostgresUser)
    {
        _dir = dir;
        Port = port;
        _asPostgresUser = asPostgresUser;
    }

    /// <summary>The one server of this test run (started on first use, stopped when the process exits).</summary>
    public static async Task<PostgresServer> SharedAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_shared is null)
            {
                _shared = await StartAsync();
                AppDomain.CurrentDomain.ProcessExit += (_, _) => _shared.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
            return _shared;
        }
        finally
        {
            Gate.Release();
        }
    }

    public static Task<PostgresServer> StartAsync() => StartAsync(FreePort);

    /// <summary>Starts a server on a port from <paramref name="pickPort"/>, asking again while the picked port turns out taken.</summary>
    internal static async Task<PostgresServer> StartAsync(Func<int> pickPort)
    {
        var bin = BinDir.Value ?? throw new InvalidOperationException(SkipReason);
        await StopOrphansAsync(bin);
        var dir = Path.Combine(Path.GetTempPath(), DirPrefix + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(dir);
        await File.WriteAllTextAsync(Path.Combine(dir, OwnerFile), Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var asPostgres = Environment.UserName == "root";
        if (asPostgres) await Run("chown", $"-R postgres:postgres {dir}", asPostgres: false);
        await Run(Path.Combine(bin, "initdb"), $"-D {dir}/data -A trust -U qonys -E UTF8 --no-locale", asPostgres);
        // PostgreSQL cannot listen on port 0 and report the port it got, so a free port is picked, and picked again when
        // another process takes it before the server binds it.
        for (var attempt = 1; ; attempt++)
        {
            var port = pickPort();
            try
            {
                await Run(Path.Combine(bin, "pg_ctl"),
                    $"-D {dir}/data -l {dir}/server.log -o \"-p {port} -k {dir} -c listen_addresses=127.0.0.1 -c max_connections=400 -c fsync=off -c synchronous_commit=off -c full_page_writes=off\" -w start",
                    asPostgres);
                return new PostgresServer(dir, port, asPostgres);
            }
            catch (InvalidOperationException) when (attempt < MaxStartAttempts)
            {
                // Another process bound the port between our check and the server's start: try another.
                if (!await LostThePortAsync(dir, attempt)) throw;
            }
        }
    }

    const int MaxStartAttempts = 5;

    /// <summary>Whether the failed start's log says the port was taken; the log is set aside for the next attempt.</summary>
    static async Task<bool> LostThePortAsync(string dir, int attempt)
    {
        var log = Path.Combine(dir, "server.log");
        if (!File.Exists(log)) return false;
        var text = await File.ReadAllTextAsync(log);
        File.Move(log, $"{log}.{attempt}");
        return text.Contains("could not bind", StringComparison.OrdinalIgnoreCase) || text.Contains("Address already in use", StringComparison.OrdinalIgnoreCase);
    }

    const string DirPrefix = "qonys-pg-";
    const string OwnerFile = "owner.pid";

    /// <summary>
    /// Stops and removes the clusters of earlier test runs whose test process is gone (a test host that is killed
    /// rather than shut down never runs its exit handler), so no run leaves servers behind for long.
    /// </summary>
    static async Task StopOrphansAsync(string bin)
    {
        foreach (var dir in Directory.GetDirectories(Path.GetTempPath(), DirPrefix + "*"))
        {
            var owner = Path.Combine(dir, OwnerFile);
            if (!File.Exists(owner) || !int.TryParse(await File.ReadAllTextAsync(owner), out var pid) || IsAlive(pid)) continue;
            try { await Run(Path.Combine(bin, "pg_ctl"), $"-D {dir}/data -m immediate -w stop", Environment.UserName == "root"); }
            catch (InvalidOperationException) { /* not running */ }
            try { Directory.Delete(dir, recursive: true); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }

    static bool IsAlive(int pid)
    {
        try { return !Process.GetProcessById(pid).HasExited; }
        catch (ArgumentException) { return false; }
    }

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=qonys;Database={database};Pooling=true;Maximum Pool Size=100;Include Error Detail=true";

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix = "qonys")
    {
        var name = prefix + "_" + Guid.NewGuid().ToString("N")[..12];
        await using var conn = new NpgsqlConnection(ConnectionString("postgres"));
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", conn);
        await cmd.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    public async ValueTask DisposeAsync()
    {
        var bin = BinDir.Value!;
        try { await Run(Path.Combine(bin, "pg_ctl"), $"-D {_dir}/data -m immediate -w stop", _asPostgresUser); }
        catch (InvalidOperationException) { /* already stopped */ }
        try { Directory.Delete(_dir, recursive: true); }
        catch (IOException) { }
    }

    static string? FindBinaries()
    {
        var candidates = new List<string>();
        if (Directory.Exists("/usr/lib/postgresql"))
            candidates.AddRange(Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(d => Path.Combine(d, "bin")));
        candidates.AddRange((Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries));
        return candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    static async Task Run(string file, string arguments, bool asPostgres)
    {
        var psi = asPostgres
            ? new ProcessStartInfo("runuser", $"-u postgres -- {file} {arguments}")
            : new ProcessStartInfo(file, arguments);
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        psi.WorkingDirectory = Path.GetTempPath();
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        if (p.ExitCode != 0)
            throw new InvalidOperationException($"{file} {arguments} failed ({p.ExitCode}): {await stderr} {await stdout}");
    }
}
