using System.Collections;
using System.Reflection;
using Xunit.Sdk;

namespace Qonys.IntegrationTests.Infrastructure;

/// <summary>
/// Theory rows on one database provider: the provider alone, or the provider followed by each row of a static member of
/// the test class (<c>[OnSqlite(nameof(Rows)), OnPostgres(nameof(Rows))]</c>), so both providers report every row.
/// </summary>
public abstract class OnProviderAttribute(Provider provider, string? rows) : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod)
    {
        if (rows is null) return [[provider]];
        var type = testMethod.DeclaringType!;
        const BindingFlags Static = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.FlattenHierarchy;
        var value = type.GetProperty(rows, Static)?.GetValue(null) ?? type.GetMethod(rows, Static, Type.EmptyTypes)?.Invoke(null, null)
            ?? throw new ArgumentException($"{type.Name} has no static property or parameterless method {rows}");
        return ((IEnumerable)value).Cast<object[]>().Select(row => (object[])[provider, .. row]).ToList();
    }
}

/// <summary>Runs a theory on the embedded SQLite database.</summary>
public sealed class OnSqliteAttribute(string? rows = null) : OnProviderAttribute(Provider.Sqlite, rows);

/// <summary>Runs a theory on PostgreSQL; where no PostgreSQL binaries exist each row is skipped, saying why (in CI: fails).</summary>
public sealed class OnPostgresAttribute : OnProviderAttribute
{
    public OnPostgresAttribute(string? rows = null) : base(Provider.Postgres, rows) =>
        Skip = Requirements.SkipReason(PostgresServer.Available, PostgresServer.SkipReason);
}

/// <summary>A fact that needs PostgreSQL: skipped, saying why, only where no PostgreSQL binaries exist (in CI: fails).</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute() => Skip = Requirements.SkipReason(PostgresServer.Available, PostgresServer.SkipReason);
}

public enum Provider { Sqlite, Postgres }
