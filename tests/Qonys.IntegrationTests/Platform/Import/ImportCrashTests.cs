using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Npgsql;
using Qonys.IntegrationTests.Permits.Race;
using Qonys.Web.Platform.Data;
using Xunit.Abstractions;

namespace Qonys.IntegrationTests.Platform.Import;

/// <summary>
/// The import command killed with SIGKILL (<c>kill -9</c>: <see cref="Process.Kill()"/> on Linux) at ten seeded points of a
/// 1,000,000-row persons file, as a separate process, and started again each time with the same file: in the end every
/// valid row is in the table exactly once (count and checksum), the copies of earlier rows were skipped, every invalid
/// row is in the rejects file exactly once, and one audit entry records the run.
/// </summary>
public sealed partial class ImportCrashTests(ITestOutputHelper output)
{
    const int Rows = 1_000_000;
    const int Seed = 20261204;
    const int Kills = 10;

    [Theory, OnSqlite, OnPostgres]
    public async Task An_import_killed_ten_times_and_restarted_loads_every_valid_row_once_and_rejects_every_invalid_one_once(Provider provider)
    {
        var clock = Stopwatch.StartNew();
        var folder = Directory.CreateTempSubdirectory("qonys-import-").FullName;
        try
        {
            var file = PersonsFile.Write(Path.Combine(folder, "persons.csv"), Rows, Seed);
            output.WriteLine($"{provider}: file of {Rows} rows ({file.ValidRows} valid, {file.Duplicates} copies, {file.InvalidLines.Count} invalid) in {clock.Elapsed.TotalSeconds:F1} s");
            var database = provider == Provider.Postgres
                ? new[] { "--Qonys:Database:Provider=postgresql", "--Qonys:Database:ConnectionString=" + await (await PostgresServer.SharedAsync()).CreateDatabaseAsync("import") }
                : ["--Qonys:Database:Provider=sqlite"];
            string[] Command(params string[] command) => [.. command, .. database, "--Qonys:Database:DataFolder=" + folder, "--Qonys:Mode=production"];
            (await RunAsync(Command("migrate"), folder)).Code.ShouldBe(0);
            await using var probe = await OpenAsync(provider, database, folder);

            var random = new Random(Seed);
            // The first point is during start-up (before or while the run is recorded); the others at committed lines
            // spread over the file, each followed by a random pause that lands the kill anywhere in the next batches.
            var points = Enumerable.Range(0, Kills - 1).Select(_ => (long)random.Next(Rows / 50, Rows * 19 / 20)).Order().Prepend(0).ToList();
            foreach (var (point, n) in points.Select((p, n) => (p, n)))
            {
                var pause = n == 0 ? random.Next(200, 1500) : random.Next(0, 250);
                var killedAt = await KillAtAsync(Command("import", "--kind", "persons", "--file", file.Path), folder, probe, point, pause);
                output.WriteLine($"kill {n + 1} at committed line {killedAt} (point {point} + {pause} ms), {clock.Elapsed.TotalSeconds:F1} s");
            }
            var last = await RunAsync(Command("import", "--kind", "persons", "--file", file.Path), folder);
            output.WriteLine($"final run: {last.Output.Trim()} at {clock.Elapsed.TotalSeconds:F1} s");
            last.Code.ShouldBe(0, last.Output);
            Summary().Match(last.Output).Value.ShouldBe($"imported {file.ValidRows}, rejected {file.InvalidLines.Count}, skipped {file.Duplicates}");

            var (count, checksum) = await TableAsync(probe);
            count.ShouldBe(file.ValidRows);
            checksum.ShouldBe(file.ValidChecksum);
            var rejected = RejectedLines(Path.Combine(folder, "persons.rejects.csv"));
            rejected.Count.ShouldBe(file.InvalidLines.Count, "each invalid row once");
            rejected.ShouldBe(file.InvalidLines);
            (await ScalarAsync(probe, "SELECT COUNT(*) FROM platform_audit_entries WHERE type = 'platform.import_completed'")).ShouldBe(1);
            (await ScalarAsync(probe, "SELECT COUNT(*) FROM platform_import_runs WHERE status = 'finished'")).ShouldBe(1);
            output.WriteLine($"{provider}: done in {clock.Elapsed.TotalSeconds:F1} s");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); }
            catch (IOException) { }
        }
    }

    [GeneratedRegex(@"imported \d+, rejected \d+, skipped \d+")]
    private static partial Regex Summary();

    /// <summary>Starts the command and kills it once the committed line reaches <paramref name="point"/> and <paramref name="pause"/> ms passed.</summary>
    async Task<long> KillAtAsync(string[] args, string folder, DbConnection probe, long point, int pause)
    {
        using var process = Start(args, folder);
        while (!process.HasExited && await CommittedLineAsync(probe) < point) await Task.Delay(20);
        await Task.Delay(pause);
        if (process.HasExited)
            throw new InvalidOperationException($"the import ended before kill point {point}: {await process.StandardOutput.ReadToEndAsync()}");
        process.Kill();
        await process.WaitForExitAsync();
        return await CommittedLineAsync(probe);
    }

    static async Task<(int Code, string Output)> RunAsync(string[] args, string folder)
    {
        using var process = Start(args, folder);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    static Process Start(string[] args, string folder)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        psi.ArgumentList.Add(AppNode.WebAssemblyPath());
        foreach (var a in args) psi.ArgumentList.Add(a);
        return Process.Start(psi) ?? throw new InvalidOperationException("could not start the import command");
    }

    static async Task<DbConnection> OpenAsync(Provider provider, string[] database, string folder)
    {
        DbConnection connection = provider == Provider.Postgres
            ? new NpgsqlConnection(database[1]["--Qonys:Database:ConnectionString=".Length..])
            : new SqliteConnection($"Data Source={Path.Combine(folder, "qonys.db")};Pooling=false");
        await connection.OpenAsync();
        return connection;
    }

    static async Task<long> CommittedLineAsync(DbConnection probe) =>
        await ScalarAsync(probe, "SELECT COALESCE(MAX(line), 0) FROM platform_import_runs");

    static async Task<long> ScalarAsync(DbConnection probe, string sql)
    {
        await using var command = probe.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    static async Task<(long Count, ulong Checksum)> TableAsync(DbConnection probe)
    {
        await using var command = probe.CreateCommand();
        command.CommandText = "SELECT iin, full_name, CAST(birth_date AS TEXT), region_code FROM registry_persons";
        await using var reader = await command.ExecuteReaderAsync();
        long count = 0;
        ulong checksum = 0;
        while (await reader.ReadAsync())
        {
            count++;
            checksum += PersonsFile.Checksum(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3));
        }
        return (count, checksum);
    }

    static List<long> RejectedLines(string path)
    {
        using var reader = new StreamReader(path);
        var rows = Csv.ReadRows(reader).ToList();
        rows[0].ShouldBe(["line", "field", "reason", "record"]);
        rows.Skip(1).ShouldAllBe(r => r.Count == 4 && r[1].Length > 0 && r[2].Length > 0);
        return rows.Skip(1).Select(r => long.Parse(r[0], CultureInfo.InvariantCulture)).ToList();
    }
}
