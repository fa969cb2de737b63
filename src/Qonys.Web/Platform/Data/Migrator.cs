using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace Qonys.Web.Platform.Data;

/// <summary>
/// Applies the hand-written SQL migrations (Platform/Data/Migrations/{sqlite|postgresql}/NNNN_name.sql, embedded)
/// in order, each in its own transaction, recording them in schema_migrations. On PostgreSQL a session advisory
/// lock keeps two nodes starting together from migrating twice.
/// </summary>
internal static class Migrator
{
    const long LockKey = 0x51_6F_6E_79_73_4D; // "QonysM"

    public static IReadOnlyList<(string Id, string Sql)> Scripts(bool postgres)
    {
        var asm = Assembly.GetExecutingAssembly();
        var prefix = "Qonys.Migrations." + (postgres ? "postgresql" : "sqlite") + "/";
        return asm.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var reader = new StreamReader(asm.GetManifestResourceStream(n)!);
                return (n[prefix.Length..^4], reader.ReadToEnd());
            })
            .ToList();
    }

    public static async Task<IReadOnlyList<string>> MigrateAsync(AppDb db, CancellationToken ct = default)
    {
        var postgres = db.IsPostgres;
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        var applied = new List<string>();
        try
        {
            if (postgres) await Execute(connection, $"SELECT pg_advisory_lock({LockKey})", null, ct);
            await Execute(connection, "CREATE TABLE IF NOT EXISTS schema_migrations (id varchar(150) PRIMARY KEY, applied_at varchar(40) NOT NULL)", null, ct);
            var done = new HashSet<string>(StringComparer.Ordinal);
            await using (var cmd = connection.CreateCommand())
            {
                cmd.CommandText = "SELECT id FROM schema_migrations";
                await using var reader = await cmd.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct)) done.Add(reader.GetString(0));
            }
            foreach (var (id, sql) in Scripts(postgres).Where(s => !done.Contains(s.Id)))
            {
                await using var tx = await connection.BeginTransactionAsync(ct);
                await Execute(connection, sql, tx, ct);
                await using (var record = connection.CreateCommand())
                {
                    record.Transaction = tx;
                    record.CommandText = "INSERT INTO schema_migrations (id, applied_at) VALUES (@id, @at)";
                    AddParameter(record, "@id", id);
                    AddParameter(record, "@at", DateTime.UtcNow.ToString("O"));
                    await record.ExecuteNonQueryAsync(ct);
                }
                await tx.CommitAsync(ct);
                applied.Add(id);
            }
            if (postgres) await Execute(connection, $"SELECT pg_advisory_unlock({LockKey})", null, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return applied;
    }

    static async Task Execute(DbConnection connection, string sql, DbTransaction? tx, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.CommandTimeout = 600;
        await cmd.ExecuteNonQueryAsync(ct);
    }

    static void AddParameter(DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }
}
