using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Qonys.Engines.Json;

/// <summary>
/// Thrown while reading JSON when a list (or a dictionary's values) that may not hold nulls holds one, e.g.
/// <c>"criteria": [null]</c>. <see cref="Member"/> is the place relative to the object that holds the list
/// (<c>criteria[0]</c>); the serializer sets <see cref="JsonException.Path"/> to that object's own place.
/// </summary>
public sealed class NullElementException(string member)
    : JsonException($"'{member}' is null, but this list may not contain null.")
{
    /// <summary>The list property and the null element's index (or key), e.g. <c>criteria[0]</c>, or <c>citizens.3</c> in a dictionary.</summary>
    public string Member { get; } = member;
}

/// <summary>
/// A type-info modifier that refuses null elements in every list, array and dictionary property whose element type is
/// not declared nullable (<c>List&lt;Criterion&gt;</c> refuses <c>[null]</c>, <c>List&lt;string?&gt;</c> allows it),
/// at any depth, so code reading a deserialized request never meets a null element it did not ask for. Apply it to
/// every serializer that reads client input: <c>resolver.WithAddedModifier(NullElements.Reject)</c>.
/// </summary>
public static class NullElements
{
    sealed record Check(Func<object, object?> Get, string Name, NullabilityInfo Nullability);

    /// <summary>Adds the check to one object type's contract (other kinds of contract are left as they are).</summary>
    public static void Reject(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object) return;
        var checks = ChecksOf(type); // once per type and serializer: the serializer keeps the contract
        if (checks.Length == 0) return;
        var inner = type.OnDeserialized;
        type.OnDeserialized = value =>
        {
            foreach (var check in checks)
                if (check.Get(value) is IEnumerable collection) Walk(collection, check.Nullability, check.Name);
            inner?.Invoke(value);
        };
    }

    static Check[] ChecksOf(JsonTypeInfo type)
    {
        var context = new NullabilityInfoContext();
        var checks = new List<Check>();
        foreach (var property in type.Properties)
        {
            if (property.Get is null || property.PropertyType == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(property.PropertyType))
                continue;
            var nullability = property.AttributeProvider switch
            {
                PropertyInfo p => context.Create(p),
                FieldInfo f => context.Create(f),
                _ => null,
            };
            if (nullability is not null) checks.Add(new Check(property.Get, property.Name, nullability));
        }
        return [.. checks];
    }

    /// <summary>The element's nullability: an array's element type, else the last type argument (a list's item, a dictionary's value).</summary>
    static NullabilityInfo? ElementOf(NullabilityInfo collection) =>
        collection.ElementType ?? (collection.GenericTypeArguments.Length > 0 ? collection.GenericTypeArguments[^1] : null);

    static void Walk(IEnumerable collection, NullabilityInfo nullability, string path)
    {
        var element = ElementOf(nullability);
        if (element is null) return;
        var mayBeNull = element.ReadState == NullabilityState.Nullable;
        if (collection is IDictionary dictionary)
        {
            foreach (DictionaryEntry entry in dictionary) Visit(entry.Value, $"{path}.{entry.Key}");
            return;
        }
        var index = 0;
        foreach (var item in collection) Visit(item, $"{path}[{index++}]");

        void Visit(object? item, string at)
        {
            if (item is null)
            {
                if (!mayBeNull) throw new NullElementException(at);
            }
            else if (item is IEnumerable nested and not string)
            {
                Walk(nested, element, at);
            }
        }
    }
}
