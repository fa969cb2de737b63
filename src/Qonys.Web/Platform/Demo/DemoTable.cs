using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Qonys.Web.Platform.Demo;

/// <summary>How a bulk writer binds a column's values.</summary>
internal enum DemoColumnKind { Text, Int, Long, Bool, Uuid, Date, Timestamp }

/// <summary>A column as the bulk writers see it: its name, its kind and how to read its value from a row.</summary>
internal sealed record DemoColumn<T>(string Name, DemoColumnKind Kind, Func<T, object?> Value);

/// <summary>
/// A table as the bulk writers see it, read from the EF model: the entity's table, and a column for each mapped property
/// (owned types mapped to the same table included, database-generated keys left out), with its value converter applied.
/// </summary>
internal sealed class DemoTable<T>
{
    DemoTable(string name, IReadOnlyList<DemoColumn<T>> columns) => (Name, Columns) = (name, columns);

    public string Name { get; }
    public IReadOnlyList<DemoColumn<T>> Columns { get; }

    public static DemoTable<T> From(IModel model)
    {
        var entity = model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model");
        var name = entity.GetTableName() ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped to a table");
        var table = StoreObjectIdentifier.Table(name, entity.GetSchema());
        var columns = new List<DemoColumn<T>>();
        AddColumns(entity, row => row);
        return new DemoTable<T>(name, columns);

        void AddColumns(IEntityType type, Func<T, object?> instance)
        {
            foreach (var property in type.GetProperties())
            {
                if (property.GetContainingForeignKeys().Any(fk => fk.IsOwnership)) continue; // the owner's key column, written with the owner
                if (IsGeneratedByDatabase(property)) continue;
                if (property.IsShadowProperty())
                    throw new NotSupportedException($"{type.DisplayName()}.{property.Name} is a shadow property: the demo writer has no value for it");
                var column = property.GetColumnName(table) ?? throw new InvalidOperationException($"{property.Name} has no column in {name}");
                var getter = property.GetGetter();
                var converter = property.GetTypeMapping().Converter;
                Func<T, object?> value = converter is null
                    ? row => instance(row) is { } o ? getter.GetClrValue(o) : null
                    : row => instance(row) is { } o && getter.GetClrValue(o) is { } v ? converter.ConvertToProvider(v) : null;
                columns.Add(new DemoColumn<T>(column, KindOf(converter?.ProviderClrType ?? property.ClrType, column), value));
            }
            foreach (var owned in type.GetNavigations().Where(n => n.ForeignKey.IsOwnership && !n.IsOnDependent))
            {
                if (owned.TargetEntityType.GetTableName() != name)
                    throw new NotSupportedException($"{type.DisplayName()}.{owned.Name} is mapped to another table");
                var navigation = owned.GetGetter();
                AddColumns(owned.TargetEntityType, row => instance(row) is { } o ? navigation.GetClrValue(o) : null);
            }
        }
    }

    /// <summary>An identity (auto-increment) key: the database numbers the rows.</summary>
    static bool IsGeneratedByDatabase(IProperty property) =>
        property.IsPrimaryKey() && property.ValueGenerated == ValueGenerated.OnAdd && (property.ClrType == typeof(int) || property.ClrType == typeof(long));

    static DemoColumnKind KindOf(Type type, string column) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(string) => DemoColumnKind.Text,
        var t when t == typeof(int) => DemoColumnKind.Int,
        var t when t == typeof(long) => DemoColumnKind.Long,
        var t when t == typeof(bool) => DemoColumnKind.Bool,
        var t when t == typeof(Guid) => DemoColumnKind.Uuid,
        var t when t == typeof(DateOnly) => DemoColumnKind.Date,
        var t when t == typeof(DateTime) => DemoColumnKind.Timestamp,
        var t => throw new NotSupportedException($"column {column}: the demo writer has no form for a {t.Name}"),
    };
}
