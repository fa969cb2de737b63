using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Qonys.Web.Platform.Demo;

/// <summary>
/// The bulk writer of a database: binary COPY on PostgreSQL (<see cref="PostgresDemoWriter"/>), a prepared INSERT on
/// SQLite (<see cref="SqliteDemoWriter"/>), both inside the transaction the caller has begun. Tables and columns come from
/// the EF model (<see cref="DemoTable{T}"/>), so the writers repeat none of the mapping.
/// </summary>
internal abstract class DemoBulkWriter(IModel model) : IDemoBulkWriter
{
    readonly Dictionary<Type, object> tables = [];

    /// <summary>The time spent writing so far.</summary>
    public TimeSpan Elapsed { get; private set; }

    /// <summary>The writer for the database's provider; it writes inside the transaction the caller has begun on it.</summary>
    public static DemoBulkWriter For(AppDb db) => db.Database.GetDbConnection() switch
    {
        NpgsqlConnection pg => new PostgresDemoWriter(pg, db.Model),
        SqliteConnection sqlite => new SqliteDemoWriter(sqlite, db.Model),
        _ => throw new NotSupportedException("bulk loading supports SQLite and PostgreSQL"),
    };

    public async Task<int> WriteAsync<T>(IEnumerable<T> rows, CancellationToken ct) where T : class
    {
        if (!tables.TryGetValue(typeof(T), out var table)) tables[typeof(T)] = table = DemoTable<T>.From(model);
        var started = Stopwatch.GetTimestamp();
        var written = await WriteAsync((DemoTable<T>)table, rows, ct);
        Elapsed += Stopwatch.GetElapsedTime(started);
        return written;
    }

    protected abstract Task<int> WriteAsync<T>(DemoTable<T> table, IEnumerable<T> rows, CancellationToken ct);
}
