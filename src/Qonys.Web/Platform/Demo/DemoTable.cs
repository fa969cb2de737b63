using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Qonys.Web.Platform.Demo;

/// <summary>How a bulk writer binds a column's values.</summary>
internal enum DemoColumnKind { Text, Int, Long, Bool, Uuid, Date, Timestamp, TimestampWithOffset }

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
        var row = Expression.Parameter(typeof(T), "row");
        var columns = new List<DemoColumn<T>>();
        AddColumns(entity, row);
        return new DemoTable<T>(name, columns);

        // Each value is read by a compiled member access (row.Citizens.Cat1), as a hand-written lambda would: EF's own
        // property getters take several times as long per value, and a load reads millions of them.
        void AddColumns(IEntityType type, Expression instance)
        {
            foreach (var property in type.GetProperties())
            {
                if (property.GetContainingForeignKeys().Any(fk => fk.IsOwnership)) continue; // the owner's key column, written with the owner
                if (IsGeneratedByDatabase(property)) continue;
                var column = property.GetColumnName(table) ?? throw new InvalidOperationException($"{property.Name} has no column in {name}");
                var converter = property.GetTypeMapping().Converter; // e.g. the UTC convention of every timestamp
                var value = Read(instance, property, converter?.ConvertToProviderExpression);
                var read = Expression.Lambda<Func<T, object?>>(Expression.Convert(value, typeof(object)), row).Compile();
                columns.Add(new DemoColumn<T>(column, KindOf(converter?.ProviderClrType ?? property.ClrType, column), read));
            }
            foreach (var owned in type.GetNavigations().Where(n => n.ForeignKey.IsOwnership && !n.IsOnDependent))
            {
                if (owned.TargetEntityType.GetTableName() != name)
                    throw new NotSupportedException($"{type.DisplayName()}.{owned.Name} is mapped to another table");
                AddColumns(owned.TargetEntityType, Read(instance, owned, null));
            }
        }
    }

    /// <summary><c>convert(instance.Member)</c>, or null where the instance (an owned type) is null.</summary>
    static Expression Read(Expression instance, IPropertyBase member, LambdaExpression? convert)
    {
        var info = (MemberInfo?)member.PropertyInfo ?? member.FieldInfo
                   ?? throw new NotSupportedException(
                       $"{member.DeclaringType.DisplayName()}.{member.Name} has no CLR member: the demo writer has no value for it");
        Expression access = Expression.MakeMemberAccess(instance, info);
        if (convert is not null) access = Expression.Invoke(convert, access);
        if (instance is ParameterExpression || instance.Type.IsValueType) return access;
        var type = access.Type.IsValueType && Nullable.GetUnderlyingType(access.Type) is null
            ? typeof(Nullable<>).MakeGenericType(access.Type)
            : access.Type;
        return Expression.Condition(Expression.Equal(instance, Expression.Constant(null, instance.Type)), Expression.Constant(null, type),
            Expression.Convert(access, type));
    }

    /// <summary>An identity (auto-increment) key: the database numbers the rows.</summary>
    static bool IsGeneratedByDatabase(IProperty property) =>
        property.IsPrimaryKey() && property.ValueGenerated == ValueGenerated.OnAdd
        && (property.ClrType == typeof(int) || property.ClrType == typeof(long));

    static DemoColumnKind KindOf(Type type, string column) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(string) => DemoColumnKind.Text,
        var t when t == typeof(int) => DemoColumnKind.Int,
        var t when t == typeof(long) => DemoColumnKind.Long,
        var t when t == typeof(bool) => DemoColumnKind.Bool,
        var t when t == typeof(Guid) => DemoColumnKind.Uuid,
        var t when t == typeof(DateOnly) => DemoColumnKind.Date,
        var t when t == typeof(DateTime) => DemoColumnKind.Timestamp,
        var t when t == typeof(DateTimeOffset) => DemoColumnKind.TimestampWithOffset,
        var t => throw new NotSupportedException($"column {column}: the demo writer has no form for a {t.Name}"),
    };
}
