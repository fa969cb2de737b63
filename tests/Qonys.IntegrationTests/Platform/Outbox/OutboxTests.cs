using System.Text.Json.Nodes;
using Qonys.Web.Platform.Outbox;

namespace Qonys.IntegrationTests.Platform.Outbox;

/// <summary>
/// The outbox without a broker (demo mode): decisions write their events in their own transaction, numbered per aggregate;
/// the events stay, the administrator lists them (API and page), and each event's data agrees with its published schema.
/// </summary>
public sealed class OutboxTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task Each_decision_writes_its_events_numbered_per_aggregate_and_they_stay_without_a_broker(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (revokedCase, expiredCase) = await OutboxTestKit.ProduceEachTypeAsync(app);
        var rows = await OutboxTestKit.RowsAsync(app);

        rows.Select(r => r.Type).Distinct().Order(StringComparer.Ordinal).ShouldBe(OutboxTestKit.AllTypes);
        rows.ShouldAllBe(r => r.PublishedAt == null && r.Attempts == 0);
        foreach (var aggregate in rows.GroupBy(r => (r.Aggregate, r.Subject)))
            aggregate.Select(r => r.Sequence).ShouldBe(Enumerable.Range(1, aggregate.Count()).Select(i => (long)i), $"{aggregate.Key} in outbox order");
        foreach (var id in new[] { revokedCase, expiredCase })
            rows.Where(r => r.Subject == id.ToString()).Select(r => JsonNode.Parse(r.Data)!["status"]!.GetValue<string>())
                .ShouldBe(["submitted", "approved", "fee_paid"]);
        var revoked = rows.Single(r => r.Type == "kz.qonys.permit.revoked.v1");
        rows.Where(r => r.Subject == revoked.Subject).Select(r => r.Type).ShouldBe(["kz.qonys.permit.issued.v1", "kz.qonys.permit.revoked.v1"]);

        // A refused decision writes no event: the case is already decided.
        using var officer = await app.As(Demo.OfficerKaraganda);
        (await officer.PostAsync($"/api/v1/permit-applications/{revokedCase}/approve", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await OutboxTestKit.RowsAsync(app)).Count.ShouldBe(rows.Count);

        // Every payload agrees with its schema, and none carries the worker's identity.
        var schemas = await OutboxTestKit.SchemasAsync(app);
        foreach (var row in rows)
        {
            using var data = JsonDocument.Parse(row.Data);
            OutboxTestKit.Problems(schemas[row.Type], data.RootElement).ShouldBeEmpty(row.Type);
            row.Data.ShouldNotContain("Ли Вэй");
            row.Data.ShouldNotContain("passport", Case.Insensitive);
        }
    }

    [Theory, OnSqlite]
    public async Task The_administrator_lists_the_outbox_paged_and_filtered(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await OutboxTestKit.ProduceEachTypeAsync(app);
        var total = (await OutboxTestKit.RowsAsync(app)).Count;
        using var admin = await app.As(Demo.Admin);

        var page = await admin.GetFromJsonAsync<JsonElement>("/api/v1/integration/outbox?status=pending&pageSize=3&page=2");
        page.GetProperty("total").GetInt32().ShouldBe(total);
        page.GetProperty("page").GetInt32().ShouldBe(2);
        page.GetProperty("items").GetArrayLength().ShouldBe(3);
        page.GetProperty("items")[0].GetProperty("status").GetString().ShouldBe("pending");
        (await admin.GetFromJsonAsync<JsonElement>("/api/v1/integration/outbox?status=published")).GetProperty("total").GetInt32().ShouldBe(0);
        var issued = await admin.GetFromJsonAsync<JsonElement>("/api/v1/integration/outbox?type=kz.qonys.permit.issued.v1");
        issued.GetProperty("items").EnumerateArray().ShouldAllBe(e => e.GetProperty("type").GetString() == "kz.qonys.permit.issued.v1");
        issued.GetProperty("items")[0].GetProperty("data").GetProperty("permitNumber").GetString().ShouldBe(issued.GetProperty("items")[0].GetProperty("subject").GetString());

        var bad = await admin.GetAsync("/api/v1/integration/outbox?status=sent");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("status", out _).ShouldBeTrue();

        using var officer = await app.As(Demo.OfficerKaraganda);
        (await officer.GetAsync("/api/v1/integration/outbox")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var anonymous = app.Anonymous();
        (await anonymous.GetAsync("/api/v1/integration/outbox")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        // The page names the events in the reader's language, not by their codes.
        var html = WebUtility.HtmlDecode(await admin.GetStringAsync("/integration/outbox?culture=ru"));
        html.ShouldContain("Разрешение выдано");
        html.ShouldContain("Квота пересмотрена");
        html.ShouldContain("Ожидает отправки");
        html.ShouldNotContain(">kz.qonys.permit.issued.v1<");
    }

    [Fact]
    public async Task The_schema_document_describes_every_registered_type_and_docs_name_each()
    {
        await using var app = await TestApp.StartAsync(Provider.Sqlite);
        using var anonymous = app.Anonymous();
        var document = await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/integration/outbound-schemas");
        document.GetProperty("specVersion").GetString().ShouldBe("1.0");
        document.GetProperty("envelopeAttributes").EnumerateArray().Select(a => a.GetString()).ShouldBe(OutboxEnvelope.Attributes);
        var schemas = await OutboxTestKit.SchemasAsync(app);
        schemas.Keys.Order(StringComparer.Ordinal).ShouldBe(OutboxTestKit.AllTypes);
        foreach (var (type, schema) in schemas)
        {
            schema["type"]!.GetValue<string>().ShouldBe("object", type);
            schema["required"]!.AsArray().Count.ShouldBe(schema["properties"]!.AsObject().Count, $"{type}: every field is always present");
        }

        var docs = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "docs", "api.md"));
        var strings = Qonys.Web.Platform.Ui.UiStrings.Load();
        foreach (var (type, schema) in schemas)
        {
            docs.ShouldContain("`" + type + "`", customMessage: "docs/api.md documents each outbound event type");
            foreach (var field in schema["properties"]!.AsObject().Select(p => p.Key))
                docs.ShouldContain("`" + field + "`", customMessage: $"docs/api.md names the field {field} of {type}");
            var name = Qonys.Web.Platform.Outbox.Pages.OutboxModel.NameKey(type);
            strings.ContainsKey(name).ShouldBeTrue(name);
            strings[name].Keys.Order(StringComparer.Ordinal).ShouldBe(["en", "kk", "ru"]);
        }
    }

    static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Qonys.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("The repository root (Qonys.slnx) was not found above the test's folder.");
    }
}
