using System.Reflection;
using Xunit.Sdk;

namespace Qonys.IntegrationTests.Infrastructure;

/// <summary>Runs a theory on the embedded SQLite database.</summary>
public sealed class OnSqliteAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[Provider.Sqlite]];
}

/// <summary>Runs a theory on PostgreSQL; skipped, saying why, only where no PostgreSQL binaries exist.</summary>
public sealed class OnPostgresAttribute : DataAttribute
{
    public OnPostgresAttribute()
    {
        if (!PostgresServer.Available) Skip = PostgresServer.SkipReason;
    }

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[Provider.Postgres]];
}

/// <summary>A fact that needs PostgreSQL: skipped, saying why, only where no PostgreSQL binaries exist.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (!PostgresServer.Available) Skip = PostgresServer.SkipReason;
    }
}

public enum Provider { Sqlite, Postgres }
