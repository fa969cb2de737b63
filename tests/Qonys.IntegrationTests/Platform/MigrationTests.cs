using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Qonys.Web.Platform.Data;

namespace Qonys.IntegrationTests.Platform;

/// <summary>
/// The hand-written migrations must produce exactly the schema the model describes: tables, columns, column types,
/// nullability, indexes, CHECK constraints and foreign keys. A model change without a migration (or a migration without
/// the model change) fails here.
/// </summary>
public sealed partial class MigrationTests
{
    sealed record Column(string Table, string Name, string Type, bool Nullable);
    sealed record Index(string Table, string Name, string Definition);
    /// <summary>A CHECK constraint ("check", its name, its condition) or a foreign key ("foreign key", its columns → the referenced columns and delete rule).</summary>
    sealed record Constraint(string Table, string Kind, string Name, string Definition);
    sealed record Schema(IReadOnlyList<string> Tables, IReadOnlyList<Column> Columns, IReadOnlyList<Index> Indexes, IReadOnlyList<Constraint> Constraints);

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
        expected.Constraints.ShouldContain(c => c.Name == "ck_permits_quota_ledger_within_cap" && c.Kind == "check");
        expected.Constraints.Count(c => c.Kind == "foreign key").ShouldBeGreaterThan(5);

        actual.Tables.Except([MigrationsTable]).ShouldBe(expected.Tables, "tables");
        Differences(expected.Columns, actual.Columns.Where(c => c.Table != MigrationsTable)).ShouldBeEmpty("columns (- model only, + migration only)");
        Differences(expected.Indexes, actual.Indexes.Where(i => i.Table != MigrationsTable)).ShouldBeEmpty("indexes (- model only, + migration only)");
        Differences(expected.Constraints, actual.Constraints).ShouldBeEmpty("constraints (- model only, + migration only)");
        await DeleteAsync(migrated, fromModel);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Losing_a_check_constraint_or_a_foreign_key_is_reported(Provider provider)
    {
        await using var fromModel = await EmptyDatabaseAsync(provider);
        await using var damaged = await EmptyDatabaseAsync(provider);
        (await fromModel.Database.EnsureCreatedAsync()).ShouldBeTrue();
        await Migrator.MigrateAsync(damaged);

        // The migrated copy loses the ledger's cap check and the invitations' foreign key to their round.
        await DropAsync(damaged, "permits_quota_ledger", "ck_permits_quota_ledger_within_cap");
        await DropAsync(damaged, "selection_invitations", "fk_selection_invitations_selection_rounds_round_id");

        var missing = Differences((await IntrospectAsync(fromModel)).Constraints, (await IntrospectAsync(damaged)).Constraints);
        missing.Count.ShouldBe(2, string.Join("; ", missing));
        missing.ShouldContain(d => d.StartsWith("- ", StringComparison.Ordinal) && d.Contains("ck_permits_quota_ledger_within_cap", StringComparison.Ordinal)
                                   && d.Contains("<= cap", StringComparison.Ordinal), string.Join("; ", missing));
        missing.ShouldContain(d => d.StartsWith("- ", StringComparison.Ordinal) && d.Contains("selection_invitations", StringComparison.Ordinal)
                                   && d.Contains("(round_id) → selection_rounds(id)", StringComparison.Ordinal), string.Join("; ", missing));
        await DeleteAsync(damaged, fromModel);
    }

    /// <summary>Drops a named constraint: ALTER TABLE on PostgreSQL; on SQLite, which cannot, the table is rebuilt without it.</summary>
    static async Task DropAsync(AppDb db, string table, string constraint)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            if (db.IsPostgres)
            {
                await ExecuteAsync(connection, $"ALTER TABLE {table} DROP CONSTRAINT {constraint}");
                return;
            }
            var sql = (await QueryAsync(connection, $"SELECT sql FROM sqlite_master WHERE type = 'table' AND name = '{table}'")).Single()[0];
            var clause = ConstraintClause(constraint).Match(sql);
            clause.Success.ShouldBeTrue(sql);
            var indexes = (await QueryAsync(connection, $"SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = '{table}' AND sql IS NOT NULL")).Select(r => r[0]);
            var rebuilt = sql.Remove(clause.Index, clause.Length).Replace($"\"{table}\"", $"\"{table}_rebuilt\"", StringComparison.Ordinal);
            await ExecuteAsync(connection, "PRAGMA foreign_keys = OFF");
            await ExecuteAsync(connection, rebuilt);
            await ExecuteAsync(connection, $"INSERT INTO \"{table}_rebuilt\" SELECT * FROM \"{table}\"");
            await ExecuteAsync(connection, $"DROP TABLE \"{table}\"");
            await ExecuteAsync(connection, $"ALTER TABLE \"{table}_rebuilt\" RENAME TO \"{table}\"");
            foreach (var index in indexes) await ExecuteAsync(connection, index);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>", CONSTRAINT "name" …" up to the next top-level comma or the closing parenthesis of the table.</summary>
    static Regex ConstraintClause(string name) => new($@",\s*CONSTRAINT ""{Regex.Escape(name)}"" (?:[^(),]|\((?:[^()]|\([^()]*\))*\))*");

    [Theory, OnSqlite, OnPostgres]
    public async Task Migrating_twice_applies_nothing_the_second_time(Provider provider)
    {
        await using var db = await EmptyDatabaseAsync(provider);

        var first = await Migrator.MigrateAsync(db);
        var second = await Migrator.MigrateAsync(db);

        // The oracle is the repository's migration folder: every NNNN_name.sql file there, in file-name order.
        var files = MigrationFiles(provider == Provider.Postgres ? "postgresql" : "sqlite");
        files.Count.ShouldBeGreaterThan(3);
        first.ShouldBe(files);
        second.ShouldBeEmpty();
        var recorded = await db.Database.SqlQueryRaw<string>($"SELECT id AS \"Value\" FROM {MigrationsTable}").ToListAsync();
        recorded.Order(StringComparer.Ordinal).ShouldBe(files);
        await DeleteAsync(db);
    }

    static List<string> MigrationFiles(string provider)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "Qonys.slnx"))) dir = dir.Parent;
        var folders = Directory.GetDirectories(Path.Combine(dir.FullName, "src"), provider, SearchOption.AllDirectories)
            .Where(d => Path.GetFileName(Path.GetDirectoryName(d)) == "Migrations").ToList();
        folders.Count.ShouldBe(1, string.Join(", ", folders));
        return Directory.GetFiles(folders[0], "*.sql").Select(f => Path.GetFileNameWithoutExtension(f)!).Order(StringComparer.Ordinal).ToList();
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
        var constraints = new List<Constraint>();
        foreach (var t in tables)
        {
            var create = (await QueryAsync(c, $"SELECT sql FROM sqlite_master WHERE type = 'table' AND name = '{t}'")).Single()[0];
            foreach (Match m in CheckClause().Matches(create))
                constraints.Add(new Constraint(t, "check", m.Groups["name"].Value, Normalized(m.Groups["condition"].Value)));
            // foreign_key_list: id, seq, table, from, to, on_update, on_delete, match (one row per column of each key)
            foreach (var key in (await QueryAsync(c, $"SELECT id, \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list('{t}') ORDER BY id, seq")).GroupBy(r => r[0]))
                constraints.Add(new Constraint(t, "foreign key", "",
                    $"({string.Join(", ", key.Select(r => r[2]))}) → {key.First()[1]}({string.Join(", ", key.Select(r => r[3]))}) ON DELETE {key.First()[4]}"));
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
        return new Schema(tables, columns, indexes, constraints);
    }

    [GeneratedRegex(@"CONSTRAINT ""(?<name>[^""]+)"" CHECK \((?<condition>(?:[^()]|\((?:[^()]|\([^()]*\))*\))*)\)")]
    private static partial Regex CheckClause();

    /// <summary>A condition as text to compare: no identifier quotes, single spaces, no redundant outer parentheses.</summary>
    static string Normalized(string condition)
    {
        var text = Whitespace().Replace(condition.Replace("\"", "", StringComparison.Ordinal), " ").Trim();
        while (text.StartsWith('(') && text.EndsWith(')') && Balanced(text[1..^1])) text = text[1..^1].Trim();
        return text;
    }

    static bool Balanced(string text)
    {
        var depth = 0;
        foreach (var ch in text)
            if ((depth += ch == '(' ? 1 : ch == ')' ? -1 : 0) < 0) return false;
        return depth == 0;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

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
        var checks = (await QueryAsync(c, """
                SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint
                WHERE connamespace = 'public'::regnamespace AND contype = 'c'
                """))
            .Select(r => new Constraint(r[0], "check", r[1], Normalized(r[2].StartsWith("CHECK ", StringComparison.Ordinal) ? r[2][6..] : r[2])));
        // One row per column of each key, in key order; the delete rule as confdeltype (a no action, r restrict, c cascade, n set null, d set default).
        var keys = (await QueryAsync(c, """
                SELECT k.oid::text, k.conrelid::regclass::text, k.confrelid::regclass::text, a.attname, fa.attname,
                       CASE k.confdeltype WHEN 'a' THEN 'NO ACTION' WHEN 'r' THEN 'RESTRICT' WHEN 'c' THEN 'CASCADE' WHEN 'n' THEN 'SET NULL' ELSE 'SET DEFAULT' END
                FROM pg_constraint k
                CROSS JOIN LATERAL unnest(k.conkey, k.confkey) WITH ORDINALITY AS u(attnum, fattnum, ord)
                JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.attnum
                JOIN pg_attribute fa ON fa.attrelid = k.confrelid AND fa.attnum = u.fattnum
                WHERE k.connamespace = 'public'::regnamespace AND k.contype = 'f'
                ORDER BY k.oid, u.ord
                """))
            .GroupBy(r => r[0])
            .Select(key => new Constraint(key.First()[1], "foreign key", "",
                $"({string.Join(", ", key.Select(r => r[3]))}) → {key.First()[2]}({string.Join(", ", key.Select(r => r[4]))}) ON DELETE {key.First()[5]}"));
        return new Schema(tables, columns, indexes, checks.Concat(keys).ToList());
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

    static async Task ExecuteAsync(DbConnection c, string sql)
    {
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
    }

    static async Task DeleteAsync(params AppDb[] dbs)
    {
        foreach (var db in dbs)
            if (!db.IsPostgres) await db.Database.EnsureDeletedAsync();
    }
}
