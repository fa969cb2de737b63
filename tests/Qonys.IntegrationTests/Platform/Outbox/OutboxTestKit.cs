using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Qonys.IntegrationTests.Permits;
using Qonys.Web.Platform.Outbox;
using RabbitMQ.Client;

namespace Qonys.IntegrationTests.Platform.Outbox;

/// <summary>Arranges the decisions that emit each outbound event type, and reads what the outbox and the broker hold.</summary>
static class OutboxTestKit
{
    public static readonly string[] AllTypes =
    [
        "kz.qonys.permit.expired.v1", "kz.qonys.permit.issued.v1", "kz.qonys.permit.revoked.v1",
        "kz.qonys.permit_application.status_changed.v1", "kz.qonys.quota.revised.v1",
    ];

    /// <summary>
    /// A quota revision, two applications submitted, approved (permits issued) and paid, one permit revoked and one
    /// expired: every event type, and several events on the same application and the same permit.
    /// </summary>
    public static async Task<(Guid Revoked, Guid Expired)> ProduceEachTypeAsync(TestApp app)
    {
        using var admin = await app.As(Demo.Admin);
        var ledger = await LifecycleSteps.LedgerAsync(app);
        var committed = ledger is { } l ? LifecycleSteps.Int(l, "reserved") + LifecycleSteps.Int(l, "used") : 0;
        (await admin.PutAsJsonAsync($"/api/v1/quotas/{LifecycleSteps.Today.Year}/{LifecycleSteps.Region}/{LifecycleSteps.Category}",
            new { cap = committed + 50, reason = "outbox tests" })).EnsureSuccessStatusCode();

        var (revokedCase, revoked) = await LifecycleSteps.ActivePermitAsync(app);
        var revoke = await admin.PostAsJsonAsync($"/api/v1/permits/{revoked}/revoke", new { reason = "outbox test: revoked" });
        revoke.StatusCode.ShouldBe(HttpStatusCode.OK, await revoke.Content.ReadAsStringAsync());

        var (expiredCase, expired) = await LifecycleSteps.ActivePermitAsync(app);
        await LifecycleSteps.SetValidUntilAsync(app, expired, LifecycleSteps.Today.AddDays(-1));
        (await LifecycleSteps.SweepAsync(app, LifecycleSteps.Today)).PermitsExpired.ShouldBeGreaterThanOrEqualTo(1);
        return (revokedCase, expiredCase);
    }

    /// <summary>The outbox rows as the database holds them, in outbox order.</summary>
    public static Task<List<OutboxMessage>> RowsAsync(TestApp app) =>
        app.WithDbAsync(db => db.Set<OutboxMessage>().AsNoTracking().OrderBy(m => m.Position).ToListAsync());

    public static Task<int> PendingAsync(TestApp app) =>
        app.WithDbAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.PublishedAt == null));

    /// <summary>Waits until the relay has published every row (or fails after <paramref name="limit"/>).</summary>
    public static async Task WaitUntilPublishedAsync(TestApp app, TimeSpan limit)
    {
        var until = DateTime.UtcNow + limit;
        while (await PendingAsync(app) > 0)
        {
            if (DateTime.UtcNow > until) throw new TimeoutException($"{await PendingAsync(app)} outbox rows were still pending after {limit}.");
            await Task.Delay(200);
        }
    }

    /// <summary>The published schema document, by event type.</summary>
    public static async Task<Dictionary<string, JsonObject>> SchemasAsync(TestApp app)
    {
        using var anonymous = app.Anonymous();
        var document = JsonNode.Parse(await anonymous.GetStringAsync("/api/v1/integration/outbound-schemas"))!;
        return document["events"]!.AsArray().ToDictionary(e => e!["type"]!.GetValue<string>(), e => e!["dataSchema"]!.AsObject());
    }

    /// <summary>The problems of <paramref name="value"/> against the subset of JSON Schema the exporter writes (type, properties, required, items, format).</summary>
    public static List<string> Problems(JsonObject schema, JsonElement value, string path = "$")
    {
        var problems = new List<string>();
        var types = schema["type"] switch
        {
            JsonArray a => a.Select(t => t!.GetValue<string>()).ToList(),
            JsonValue v => [v.GetValue<string>()],
            _ => [],
        };
        var actual = value.ValueKind switch
        {
            JsonValueKind.Object => "object", JsonValueKind.Array => "array", JsonValueKind.String => "string",
            JsonValueKind.Number => value.TryGetInt64(out _) ? "integer" : "number", JsonValueKind.True or JsonValueKind.False => "boolean",
            _ => "null",
        };
        if (types.Count > 0 && !types.Contains(actual) && !(actual == "integer" && types.Contains("number")))
            return [$"{path}: {actual}, the schema says {string.Join("|", types)}"];
        if (actual == "object" && schema["properties"] is JsonObject properties)
        {
            foreach (var required in schema["required"]?.AsArray().Select(r => r!.GetValue<string>()) ?? [])
                if (!value.TryGetProperty(required, out _)) problems.Add($"{path}.{required}: required, missing");
            foreach (var p in value.EnumerateObject())
                if (properties[p.Name] is JsonObject ps) problems.AddRange(Problems(ps, p.Value, path + "." + p.Name));
                else problems.Add($"{path}.{p.Name}: not in the schema");
        }
        if (actual == "array" && schema["items"] is JsonObject items)
            problems.AddRange(value.EnumerateArray().SelectMany((item, i) => Problems(items, item, $"{path}[{i}]")));
        if (actual == "string" && schema["format"]?.GetValue<string>() is { } format)
        {
            var s = value.GetString()!;
            var ok = format switch
            {
                "date" => DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
                "date-time" => DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
                "uuid" => Guid.TryParse(s, out _),
                _ => true,
            };
            if (!ok) problems.Add($"{path}: '{s}' is not a {format}");
        }
        return problems;
    }
}

/// <summary>
/// A consumer of the platform's exchange as another state system would be: a durable queue bound to every routing key,
/// drained with basic.get; it de-duplicates by the CloudEvents id, as the contract asks consumers to.
/// </summary>
sealed class BrokerConsumer(string uri, string queue)
{
    public static async Task<BrokerConsumer> BindAsync(RabbitMqServer broker, string exchange = "qonys.events")
    {
        var consumer = new BrokerConsumer(broker.Uri, "test-consumer-" + Guid.NewGuid().ToString("N")[..8]);
        await using var connection = await new ConnectionFactory { Uri = new Uri(broker.Uri) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.ExchangeDeclareAsync(exchange, ExchangeType.Topic, durable: true, autoDelete: false);
        await channel.QueueDeclareAsync(consumer.Queue, durable: true, exclusive: false, autoDelete: false);
        await channel.QueueBindAsync(consumer.Queue, exchange, "#");
        return consumer;
    }

    public string Queue { get; } = queue;

    /// <summary>Every message delivered so far, in delivery order (duplicates included).</summary>
    public List<(string MessageId, string ContentType, JsonElement Event)> Received { get; } = [];

    /// <summary>Takes every message now in the queue.</summary>
    public async Task DrainAsync()
    {
        await using var connection = await new ConnectionFactory { Uri = new Uri(uri) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        while (await channel.BasicGetAsync(Queue, autoAck: true) is { } message)
        {
            using var json = JsonDocument.Parse(message.Body);
            Received.Add((message.BasicProperties.MessageId ?? "", message.BasicProperties.ContentType ?? "", json.RootElement.Clone()));
        }
    }

    /// <summary>The first copy of each event id, in delivery order.</summary>
    public List<JsonElement> Distinct() =>
        Received.GroupBy(r => r.Event.GetProperty("id").GetString()).Select(g => g.First().Event).ToList();
}
