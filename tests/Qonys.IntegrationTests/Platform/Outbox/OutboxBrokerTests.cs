using Qonys.IntegrationTests.Permits;

namespace Qonys.IntegrationTests.Platform.Outbox;

/// <summary>
/// The outbox against a real RabbitMQ (a throw-away node per test): every event reaches a consumer, once per id after
/// de-duplication, as a CloudEvents envelope whose data agrees with its schema, in commit order per aggregate; a broker
/// stopped for <see cref="Outage"/> and started again loses nothing.
/// </summary>
public sealed class OutboxBrokerTests
{
    /// <summary>How long the broker is down in the outage test (the issue asks for a minute).</summary>
    static readonly TimeSpan Outage = TimeSpan.FromSeconds(60);
    static readonly TimeSpan PublishLimit = TimeSpan.FromSeconds(90);

    static Dictionary<string, string?> BrokerSettings(RabbitMqServer broker) => new()
    {
        ["Qonys:Outbox:BrokerUri"] = broker.Uri,
        ["Qonys:Outbox:RelayIntervalMilliseconds"] = "100",
        ["Qonys:Outbox:RetryMilliseconds"] = "500",
    };

    [RabbitMqTheory, OnSqlite, OnPostgres]
    public async Task Each_outbound_event_arrives_once_per_id_with_its_schema_in_order_per_aggregate(Provider provider)
    {
        await using var broker = await RabbitMqServer.StartAsync();
        var consumer = await BrokerConsumer.BindAsync(broker);
        await using var app = await TestApp.StartAsync(provider, BrokerSettings(broker));

        await OutboxTestKit.ProduceEachTypeAsync(app);
        await OutboxTestKit.WaitUntilPublishedAsync(app, PublishLimit);
        await consumer.DrainAsync();

        var rows = await OutboxTestKit.RowsAsync(app);
        var events = consumer.Distinct();
        events.Select(e => e.GetProperty("id").GetString()).Order().ShouldBe(rows.Select(r => r.Id.ToString()).Order(), "every event, each once");
        events.Select(e => e.GetProperty("type").GetString()).Distinct().Order(StringComparer.Ordinal).ShouldBe(OutboxTestKit.AllTypes);
        consumer.Received.ShouldAllBe(m => m.ContentType == "application/cloudevents+json" && m.MessageId == m.Event.GetProperty("id").GetString());

        var schemas = await OutboxTestKit.SchemasAsync(app);
        foreach (var e in events)
        {
            var row = rows.Single(r => r.Id.ToString() == e.GetProperty("id").GetString());
            e.GetProperty("specversion").GetString().ShouldBe("1.0");
            e.GetProperty("source").GetString().ShouldBe("https://qonys.kz");
            e.GetProperty("subject").GetString().ShouldBe(row.Subject);
            e.GetProperty("datacontenttype").GetString().ShouldBe("application/json");
            DateTimeOffset.Parse(e.GetProperty("time").GetString()!, System.Globalization.CultureInfo.InvariantCulture).UtcDateTime
                .ShouldBe(row.OccurredAt, TimeSpan.FromMilliseconds(1));
            OutboxTestKit.Problems(schemas[row.Type], e.GetProperty("data")).ShouldBeEmpty(row.Type);
        }
        AssertCommitOrderPerAggregate(events);
    }

    [RabbitMqTheory, OnPostgres]
    public async Task A_broker_down_for_a_minute_and_restarted_loses_nothing_and_keeps_the_order(Provider provider)
    {
        await using var broker = await RabbitMqServer.StartAsync();
        var consumer = await BrokerConsumer.BindAsync(broker);
        await using var app = await TestApp.StartAsync(provider, BrokerSettings(broker));

        // Before the outage: events published and still in the queue (unconsumed) when the broker stops.
        var (id, number) = await LifecycleSteps.ApprovedAsync(app);
        await OutboxTestKit.WaitUntilPublishedAsync(app, PublishLimit);
        var before = (await OutboxTestKit.RowsAsync(app)).Count;

        await broker.StopAsync();
        var down = DateTime.UtcNow;
        // During the outage: more decisions on the same application and permit, and every other type.
        await Integration.InboundEvents.PayFeeAsync(app, id);
        using (var admin = await app.As(Demo.Admin))
            (await admin.PostAsJsonAsync($"/api/v1/permits/{number}/revoke", new { reason = "outbox outage test" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        await OutboxTestKit.ProduceEachTypeAsync(app);
        var rows = await OutboxTestKit.RowsAsync(app);
        rows.Count.ShouldBeGreaterThan(before);

        var rest = Outage - (DateTime.UtcNow - down);
        if (rest > TimeSpan.Zero) await Task.Delay(rest);
        (await OutboxTestKit.PendingAsync(app)).ShouldBe(rows.Count - before, "the outbox keeps every event while the broker is down");
        (await OutboxTestKit.RowsAsync(app)).ShouldContain(r => r.PublishedAt == null && r.Attempts > 0 && r.LastError != null,
            "the relay kept trying and recorded why it failed");

        await broker.StartAgainAsync();
        await OutboxTestKit.WaitUntilPublishedAsync(app, PublishLimit);
        await consumer.DrainAsync();

        var events = consumer.Distinct();
        events.Select(e => e.GetProperty("id").GetString()).Order().ShouldBe(rows.Select(r => r.Id.ToString()).Order(), "nothing lost, nothing extra");
        AssertCommitOrderPerAggregate(events);
        events.Where(e => e.GetProperty("subject").GetString() == id.ToString())
            .Select(e => e.GetProperty("data").GetProperty("status").GetString()).ShouldBe(["submitted", "approved", "fee_paid"]);
        events.Where(e => e.GetProperty("subject").GetString() == number)
            .Select(e => e.GetProperty("type").GetString()).ShouldBe(["kz.qonys.permit.issued.v1", "kz.qonys.permit.revoked.v1"]);
    }

    [RabbitMqTheory, OnPostgres]
    public async Task Two_nodes_on_one_database_publish_each_event_once_in_order(Provider provider)
    {
        await using var broker = await RabbitMqServer.StartAsync();
        var consumer = await BrokerConsumer.BindAsync(broker);
        await using var first = await TestApp.StartAsync(provider, BrokerSettings(broker));
        await using var second = await TestApp.StartAsync(provider, BrokerSettings(broker), first.ConnectionString);

        // Decisions on one case taken on alternating nodes, while both nodes' relays run.
        var (id, number) = await LifecycleSteps.ApprovedAsync(first);
        await Integration.InboundEvents.PayFeeAsync(second, id);
        using (var admin = await first.As(Demo.Admin))
            (await admin.PostAsJsonAsync($"/api/v1/permits/{number}/revoke", new { reason = "two nodes" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        await OutboxTestKit.ProduceEachTypeAsync(second);
        await OutboxTestKit.WaitUntilPublishedAsync(first, PublishLimit);
        await consumer.DrainAsync();

        var rows = await OutboxTestKit.RowsAsync(first);
        consumer.Received.Select(m => m.MessageId).Order().ShouldBe(rows.Select(r => r.Id.ToString()).Order(),
            "each event once: one node at a time publishes, and marks before the other reads");
        AssertCommitOrderPerAggregate(consumer.Distinct());
    }

    /// <summary>Per (type's aggregate, subject) the consumer saw 1, 2, 3, … in delivery order.</summary>
    static void AssertCommitOrderPerAggregate(List<JsonElement> events)
    {
        foreach (var group in events.GroupBy(e => (Aggregate: e.GetProperty("type").GetString()!.Split('.')[2], Subject: e.GetProperty("subject").GetString())))
            group.Select(e => e.GetProperty("aggregatesequence").GetInt64()).ShouldBe(Enumerable.Range(1, group.Count()).Select(i => (long)i),
                $"{group.Key} in delivery order");
    }
}
