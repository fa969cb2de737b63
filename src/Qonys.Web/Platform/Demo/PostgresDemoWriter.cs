using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using NpgsqlTypes;

namespace Qonys.Web.Platform.Demo;

/// <summary>PostgreSQL: binary COPY (<see cref="NpgsqlConnection.BeginBinaryImport"/>) per table, in the load's transaction.</summary>
internal sealed class PostgresDemoWriter(NpgsqlConnection connection, IModel model) : DemoBulkWriter(model)
{
    protected override async Task<int> WriteAsync<T>(DemoTable<T> table, IEnumerable<T> rows, CancellationToken ct)
    {
        var copy = $"COPY {table.Name} ({string.Join(", ", table.Columns.Select(c => c.Name))}) FROM STDIN (FORMAT BINARY)";
        await using var importer = await connection.BeginBinaryImportAsync(copy, ct);
        var types = table.Columns.Select(c => TypeOf(c.Kind)).ToArray();
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
        return (int)await importer.CompleteAsync(ct);
    }

    internal static NpgsqlDbType TypeOf(DemoColumnKind kind) => kind switch
    {
        DemoColumnKind.Text => NpgsqlDbType.Varchar,
        DemoColumnKind.Int => NpgsqlDbType.Integer,
        DemoColumnKind.Long => NpgsqlDbType.Bigint,
        DemoColumnKind.Bool => NpgsqlDbType.Boolean,
        DemoColumnKind.Uuid => NpgsqlDbType.Uuid,
        DemoColumnKind.Date => NpgsqlDbType.Date,
        _ => NpgsqlDbType.TimestampTz,
    };
}
