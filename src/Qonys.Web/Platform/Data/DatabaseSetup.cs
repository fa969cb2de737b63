using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Qonys.Web.Platform.Data;

internal static class DatabaseSetup
{
    /// <summary>
    /// The one context, pooled. Interceptors registered as <see cref="IInterceptor"/> services (the audit chain's sealing)
    /// join every unit of work, so that this folder need not know who they are.
    /// </summary>
    public static void AddQonysDatabase(this IServiceCollection services, QonysOptions options)
    {
        var db = options.Database;
        if (db.IsPostgres)
        {
            if (string.IsNullOrWhiteSpace(db.ConnectionString))
                throw new InvalidOperationException("Qonys:Database:ConnectionString is required for the postgresql provider");
            // Pooled connections keep their session (no DISCARD ALL on every return): the app sets no session state,
            // and the one session-level lock (migrations) is released explicitly.
            var connectionString = new Npgsql.NpgsqlConnectionStringBuilder(db.ConnectionString);
            if (!db.ConnectionString.Contains("No Reset On Close", StringComparison.OrdinalIgnoreCase)) connectionString.NoResetOnClose = true;
            // The app's statements are few and repeated: each connection prepares them once (parse and plan) and then
            // only binds and executes them.
            if (!db.ConnectionString.Contains("Max Auto Prepare", StringComparison.OrdinalIgnoreCase)) connectionString.MaxAutoPrepare = 200;
            services.AddDbContextPool<AppDb>((sp, o) => o.UseNpgsql(connectionString.ConnectionString).AddInterceptors(sp.GetServices<IInterceptor>()),
                poolSize: 256);
        }
        else
        {
            var connectionString = SqliteConnectionString(db);
            services.AddDbContextPool<AppDb>((sp, o) => o.UseSqlite(connectionString).AddInterceptors(new SqlitePragmas())
                .AddInterceptors(sp.GetServices<IInterceptor>()));
        }
    }

    public static string SqliteConnectionString(DatabaseOptions db)
    {
        if (!string.IsNullOrWhiteSpace(db.ConnectionString)) return db.ConnectionString;
        Directory.CreateDirectory(db.DataFolder);
        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.GetFullPath(Path.Combine(db.DataFolder, "qonys.db")),
            Cache = SqliteCacheMode.Private,
            DefaultTimeout = 30,
            Pooling = true,
        }.ToString();
    }
}

/// <summary>WAL journal (readers never wait for the writer), enforced foreign keys, a generous busy timeout.</summary>
sealed class SqlitePragmas : Microsoft.EntityFrameworkCore.Diagnostics.DbConnectionInterceptor
{
    const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000;";

    public override void ConnectionOpened(System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = Pragmas;
        cmd.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(System.Data.Common.DbConnection connection,
        Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = Pragmas;
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }
}
