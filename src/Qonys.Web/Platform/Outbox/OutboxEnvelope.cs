using System.Globalization;
using System.Text.Json;

namespace Qonys.Web.Platform.Outbox;

/// <summary>
/// An outbox row as the message the broker carries: a CloudEvents 1.0 event in structured JSON mode
/// ("application/cloudevents+json"): specversion, id, source, type, subject (the aggregate's id), time,
/// datacontenttype and data, plus the extension attribute "aggregatesequence" (1, 2, … per aggregate and subject).
/// </summary>
internal sealed record OutboxEnvelope(Guid Id, string Type, DateTime Time, ReadOnlyMemory<byte> Body)
{
    public const string ContentType = "application/cloudevents+json";
    public const string SpecVersion = "1.0";
    public const string SequenceAttribute = "aggregatesequence";

    /// <summary>The envelope's attributes, in the order they are written; the schema document lists them too.</summary>
    public static readonly string[] Attributes = ["specversion", "id", "source", "type", "subject", "time", "datacontenttype", SequenceAttribute, "data"];

    public static OutboxEnvelope Of(OutboxMessage m, string source)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256 + m.Data.Length);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("specversion", SpecVersion);
            w.WriteString("id", m.Id.ToString());
            w.WriteString("source", source);
            w.WriteString("type", m.Type);
            w.WriteString("subject", m.Subject);
            w.WriteString("time", m.OccurredAt.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
            w.WriteString("datacontenttype", "application/json");
            w.WriteNumber(SequenceAttribute, m.Sequence);
            w.WritePropertyName("data");
            w.WriteRawValue(m.Data, skipInputValidation: true);
            w.WriteEndObject();
        }
        return new OutboxEnvelope(m.Id, m.Type, m.OccurredAt, buffer.WrittenMemory);
    }
}
