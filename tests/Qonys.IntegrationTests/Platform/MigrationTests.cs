using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Qonys.Web.Platform.Data;

namespace Qonys.IntegrationTests.Platform;

/// <summary>
/// The hand-written migrations must produce exactly the schema the model describes: tables, columns, column types,
/// nullability and indexes. A model change without a migration (or a migration without the model change) fails here.
/// </summary>
public sealed class MigrationTests
{
    sealed record Column(string Table, string Name, string Type, bool Nullable);
    sealed record Index(string Table, string Name, string Definition);
    sealed record Schema(IReadOnlyList<string> Tables, IReadOnlyList<Column> Columns, IReadOnlyList<Index> Indexes);

    const string MigrationsTable = "schema_migrations";

    static async Task<AppDb> EmptyDatabaseAsync(Provider provider)
    {
        var options = new DbContextOptionsBuilder<AppDb>();
        if (provider == Provider.Postgres)
            options.UseNpgsql(await (await PostgresServer.SharedAsync()).CreateDatabaseAsync("schema"));
        else
            options.UseSqlite($"Data Source={Path.Combine(Path.GetTempPath(), "qonys-schema-" + Guid.NewGuid().ToString("N")[..10] + ".db")};Pooling=false");
        return new AppDb(options.Options);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Migrations_create_the_schema_of_the_model(Provider provider)
    {
        await using var migrated = await EmptyDatabaseAsync(provider);
        await using var fromModel = await EmptyDatabaseAsync(provider);

        var applied = await Migrator.MigrateAsync(migrated);
        (await fromModel.Database.EnsureCreatedAsync()).ShouldBeTrue();

        applied.ShouldNotBeEmpty();
        var expected = await IntrospectAsync(fromModel);
        var actual = await IntrospectAsync(migrated);
        expected.Tables.Count.ShouldBeGreaterThan(10);

        actual.Tables.Except([MigrationsTable]).ShouldBe(expected.Tables, "tables");
        Differences(expected.Columns, actual.Columns.Where(c => c.Table != MigrationsTable)).ShouldBeEmpty("columns (- model only, + migration only)");
        Differences(expected.Indexes, actual.Indexes.Where(i => i.Table != MigrationsTable)).ShouldBeEmpty("indexes (- model only, + migration only)");
        await DeleteAsync(migrated, fromModel);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Migrating_twice_applies_nothing_the_second_time(Provider provider)
    {
        await using var db = await EmptyDatabaseAsync(provider);

        var first = await Migrator.MigrateAsync(db);
        var second = await Migrator.MigrateAsync(db);

        first.ShouldBe(Migrator.Scripts(provider == Provider.Postgres).Select(s => s.Id).ToList());
        second.ShouldBeEmpty();
        await DeleteAsync(db);
    }

    static List<string> Differences<T>(IEnumerable<T> expected, IEnumerable<T> actual)
    {
        var e = expected.ToHashSet();
        var a = actual.ToHashSet();
        return e.Except(a).Select(x => "- " + x).Concat(a.Except(e).Select(x => "+ " + x)).ToList();
    }

    static async Task<Schema> IntrospectAsync(AppDb db)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            return db.IsPostgres ? await PostgresSchemaAsync(connection) : await SqliteSchemaAsync(connection);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    static async Task<Schema> SqliteSchemaAsync(DbConnection c)
    {
        var tables = (await QueryAsync(c, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"))
            .Select(r => r[0]).ToList();
        var columns = new List<Column>();
        var indexes = new List<Index>();
        foreach (var t in tables)
        {
            // table_info: cid, name, type, notnull, dflt_value, pk
            foreach (var r in await QueryAsync(c, $"SELECT name, type, \"notnull\", pk FROM pragma_table_info('{t}')"))
                columns.Add(new Column(t, r[0], r[1].ToUpperInvariant(), r[2] == "0" && r[3] == "0"));
            // index_list: seq, name, unique, origin, partial; automatic indexes of primary keys are left out.
            foreach (var r in await QueryAsync(c, $"SELECT name, \"unique\" FROM pragma_index_list('{t}') WHERE origin = 'c'"))
            {
                var cols = (await QueryAsync(c, $"SELECT name FROM pragma_index_info('{r[0]}') ORDER BY seqno")).Select(x => x[0]);
                indexes.Add(new Index(t, r[0], (r[1] == "1" ? "UNIQUE " : "") + "(" + string.Join(", ", cols) + ")"));
            }
        }
        return new Schema(tables, columns, indexes);
    }

    static async Task<Schema> PostgresSchemaAsync(DbConnection c)
    {
        var tables = (await QueryAsync(c, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name"))
            .Select(r => r[0]).ToList();
        var columns = (await QueryAsync(c, """
                SELECT table_name, column_name,
                       data_type || coalesce('(' || character_maximum_length || ')', '')
                                 || coalesce('(' || numeric_precision || ',' || numeric_scale || ')', ''),
                       is_nullable, coalesce(column_default, '')
                FROM information_schema.columns WHERE table_schema = 'public'
                """))
            .Select(r => new Column(r[0], r[1], r[2] + (r[4].Length > 0 ? " DEFAULT " + r[4] : ""), r[3] == "YES")).ToList();
        var indexes = (await QueryAsync(c, "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'"))
            .Select(r => new Index(r[0], r[1], r[2])).ToList();
        return new Schema(tables, columns, indexes);
    }

    static async Task<List<string[]>> QueryAsync(DbConnection c, string sql)
    {
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        await using var reader = await cmd.ExecuteReaderAsync();
        var rows = new List<string[]>();
        while (await reader.ReadAsync())
        {
            var row = new string[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!;
            rows.Add(row);
        }
        return rows;
    }

    static async Task DeleteAsync(params AppDb[] dbs)
    {
        foreach (var db in dbs)
            if (!db.IsPostgres) await db.Database.EnsureDeletedAsync();
    }
}
