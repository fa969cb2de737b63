using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;

namespace Qonys.Web.Platform.Outbox;

/// <summary>A registered outbound event type (<see cref="OutboxSetup.AddOutboundEvent{TEvent}"/>).</summary>
internal sealed record OutboundEventType(Type Record, string Type, string Aggregate, string Description);

/// <summary>
/// Every outbound event type the modules registered, with the JSON schema of its data (generated from the record, so the
/// published schema and the published data cannot drift apart). An event type nobody registered cannot be emitted.
/// </summary>
internal sealed class OutboundEventCatalog
{
    /// <summary>How event data is written: camelCase, dates as ISO 8601, constructor parameters required.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        RespectRequiredConstructorParameters = true, RespectNullableAnnotations = true,
        // Set here, not on first use: the schema exporter needs it also before any event was serialized.
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
    };

    readonly Dictionary<Type, OutboundEventType> _byRecord;

    public OutboundEventCatalog(IEnumerable<OutboundEventType> types)
    {
        _byRecord = [];
        foreach (var t in types) _byRecord.TryAdd(t.Record, t);
        if (_byRecord.Values.GroupBy(t => t.Type).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new InvalidOperationException($"Two outbound event records declare the type {twice.Key}.");
    }

    public IEnumerable<OutboundEventType> Types => _byRecord.Values.OrderBy(t => t.Type, StringComparer.Ordinal);

    public OutboundEventType Of(Type record) => _byRecord.TryGetValue(record, out var t)
        ? t
        : throw new InvalidOperationException($"{record.Name} is not a registered outbound event: register it with services.AddOutboundEvent<{record.Name}>().");

    /// <summary>The contract a record declares; throws when it declares none.</summary>
    public static OutboundEventType Describe(Type record)
    {
        var a = record.GetCustomAttribute<OutboundEventAttribute>()
                ?? throw new InvalidOperationException($"{record.Name} has no [OutboundEvent] attribute.");
        if (!typeof(IOutboundEvent).IsAssignableFrom(record)) throw new InvalidOperationException($"{record.Name} is not an IOutboundEvent.");
        return new OutboundEventType(record, a.Type, a.Aggregate, a.Description);
    }

    /// <summary>The JSON schema (draft 2020-12) of the type's data.</summary>
    public static JsonNode DataSchema(OutboundEventType type)
    {
        var schema = Json.GetJsonSchemaAsNode(type.Record, new JsonSchemaExporterOptions { TreatNullObliviousAsNonNullable = true });
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema";
        schema["title"] = type.Type;
        schema["description"] = type.Description;
        return schema;
    }
}
