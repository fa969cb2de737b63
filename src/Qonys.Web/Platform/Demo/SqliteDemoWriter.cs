using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Metadata;
using SQLitePCL;

namespace Qonys.Web.Platform.Demo;

/// <summary>
/// SQLite: one prepared INSERT per table, executed per row inside the load's single transaction (the connection's open
/// transaction: the statement runs on the same handle). The statement is driven through SQLitePCLRaw, the library under
/// Microsoft.Data.Sqlite, binding values by position: the ADO.NET command would look each parameter up by name and
/// convert it again on every row, which costs more than the insert itself. Values in the text forms EF Core's SQLite
/// provider uses (upper-case GUIDs, ISO dates, "yyyy-MM-dd HH:mm:ss.FFFFFFF" timestamps, the same with "zzz" for offsets).
/// </summary>
internal sealed class SqliteDemoWriter(SqliteConnection connection, IModel model) : DemoBulkWriter(model)
{
    protected override Task<int> WriteAsync<T>(DemoTable<T> table, IEnumerable<T> rows, CancellationToken ct)
    {
        var db = connection.Handle ?? throw new InvalidOperationException("the SQLite connection is not open");
        var sql = $"INSERT INTO {table.Name} ({string.Join(", ", table.Columns.Select(c => c.Name))}) " +
                  $"VALUES ({string.Join(", ", table.Columns.Select(_ => "?"))})";
        Check(raw.sqlite3_prepare_v2(db, sql, out var statement), db);
        var written = 0;
        using (statement)
        {
            foreach (var row in rows)
            {
                ct.ThrowIfCancellationRequested();
                for (var i = 0; i < table.Columns.Count; i++) Bind(statement, i + 1, table.Columns[i].Value(row));
                var step = raw.sqlite3_step(statement);
                if (step != raw.SQLITE_DONE) Check(step, db);
                Check(raw.sqlite3_reset(statement), db);
                written++;
            }
        }
        return Task.FromResult(written);
    }

    internal static void Bind(sqlite3_stmt statement, int position, object? value)
    {
        var rc = value switch
        {
            null => raw.sqlite3_bind_null(statement, position),
            string text => raw.sqlite3_bind_text(statement, position, text),
            int n => raw.sqlite3_bind_int64(statement, position, n),
            long n => raw.sqlite3_bind_int64(statement, position, n),
            bool b => raw.sqlite3_bind_int64(statement, position, b ? 1 : 0),
            Guid g => raw.sqlite3_bind_text(statement, position, g.ToString().ToUpperInvariant()),
            DateOnly d => raw.sqlite3_bind_text(statement, position, d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            DateTime t => raw.sqlite3_bind_text(statement, position, t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture)),
            DateTimeOffset t => raw.sqlite3_bind_text(statement, position, t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture)),
            _ => throw new NotSupportedException($"no SQLite form for a {value.GetType().Name}"),
        };
        if (rc != raw.SQLITE_OK) throw new SqliteException($"binding parameter {position} failed", rc);
    }

    static void Check(int rc, sqlite3 db) => SqliteException.ThrowExceptionForRC(rc, db);
}
