using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Qonys.Web.Platform.Demo;
using SQLitePCL;

namespace Qonys.Web.Platform.Import;

/// <summary>
/// Writes an import's rows into their table inside the open transaction, leaving out rows whose key (or another unique
/// column) is already there, and says how many were new. Tables and columns come from the EF model as the demo bulk
/// writers read it (<see cref="DemoTable{T}"/>). SQLite: one prepared <c>INSERT … ON CONFLICT DO NOTHING</c> stepped per
/// row; PostgreSQL: binary COPY into a temporary staging table, then one <c>INSERT … SELECT … ON CONFLICT DO NOTHING</c>.
/// </summary>
internal abstract class ImportTableWriter(AppDb db)
{
    protected AppDb Db => db;

    public static ImportTableWriter For(AppDb db) => db.Database.GetDbConnection() switch
    {
        NpgsqlConnection => new Postgres(db),
        SqliteConnection => new Sqlite(db),
        _ => throw new NotSupportedException("importing supports SQLite and PostgreSQL"),
    };

    public abstract Table<T> For<T>() where T : class;

    /// <summary>The writer of one table; holds its prepared statement or staging table for the run.</summary>
    internal abstract class Table<T> : IDisposable
    {
        public abstract Task<int> InsertNewAsync(IReadOnlyList<T> rows, CancellationToken ct);
        public virtual void Dispose() { }
    }

    sealed class Sqlite(AppDb db) : ImportTableWriter(db)
    {
        public override Table<T> For<T>() => new SqliteTable<T>((SqliteConnection)Db.Database.GetDbConnection(), DemoTable<T>.From(Db.Model));
    }

    sealed class SqliteTable<T>(SqliteConnection connection, DemoTable<T> table) : Table<T>
    {
        sqlite3_stmt? _statement;

        public override Task<int> InsertNewAsync(IReadOnlyList<T> rows, CancellationToken ct)
        {
            var handle = connection.Handle ?? throw new InvalidOperationException("the SQLite connection is not open");
            if (_statement is null)
            {
                var sql = $"INSERT INTO {table.Name} ({string.Join(", ", table.Columns.Select(c => c.Name))}) " +
                          $"VALUES ({string.Join(", ", table.Columns.Select(_ => "?"))}) ON CONFLICT DO NOTHING";
                SqliteException.ThrowExceptionForRC(raw.sqlite3_prepare_v2(handle, sql, out var prepared), handle);
                _statement = prepared;
            }
            var inserted = 0;
            foreach (var row in rows)
            {
                ct.ThrowIfCancellationRequested();
                for (var i = 0; i < table.Columns.Count; i++) SqliteDemoWriter.Bind(_statement, i + 1, table.Columns[i].Value(row));
                var step = raw.sqlite3_step(_statement);
                if (step != raw.SQLITE_DONE) SqliteException.ThrowExceptionForRC(step, handle);
                inserted += raw.sqlite3_changes(handle);
                SqliteException.ThrowExceptionForRC(raw.sqlite3_reset(_statement), handle);
            }
            return Task.FromResult(inserted);
        }

        public override void Dispose() => _statement?.Dispose();
    }

    sealed class Postgres(AppDb db) : ImportTableWriter(db)
    {
        public override Table<T> For<T>() => new PostgresTable<T>((NpgsqlConnection)Db.Database.GetDbConnection(), DemoTable<T>.From(Db.Model));
    }

    sealed class PostgresTable<T>(NpgsqlConnection connection, DemoTable<T> table) : Table<T>
    {
        readonly string _stage = "import_stage_" + table.Name;
        readonly string _columns = string.Join(", ", table.Columns.Select(c => c.Name));
        bool _staged;

        public override async Task<int> InsertNewAsync(IReadOnlyList<T> rows, CancellationToken ct)
        {
            if (!_staged)
            {
                // A temporary table of this session, emptied at every commit (so each batch finds it empty); made in the batch's transaction so that a
                // rolled-back first batch takes it away again and the next batch makes it anew.
                await ExecuteAsync($"CREATE TEMPORARY TABLE IF NOT EXISTS {_stage} (LIKE {table.Name}) ON COMMIT DELETE ROWS", ct);
                _staged = true;
            }
            var types = table.Columns.Select(c => PostgresDemoWriter.TypeOf(c.Kind)).ToArray();
            await using (var importer = await connection.BeginBinaryImportAsync($"COPY {_stage} ({_columns}) FROM STDIN (FORMAT BINARY)", ct))
            {
                foreach (var row in rows)
                {
                    importer.StartRow();
                    for (var i = 0; i < types.Length; i++)
                    {
                        var value = table.Columns[i].Value(row);
                        if (value is null) importer.WriteNull();
                        else importer.Write(value, types[i]);
                    }
                }
                await importer.CompleteAsync(ct);
            }
            var inserted = await ExecuteAsync($"INSERT INTO {table.Name} ({_columns}) SELECT {_columns} FROM {_stage} ON CONFLICT DO NOTHING", ct);
            return inserted;
        }

        async Task<int> ExecuteAsync(string sql, CancellationToken ct)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            return await command.ExecuteNonQueryAsync(ct);
        }
    }
}
