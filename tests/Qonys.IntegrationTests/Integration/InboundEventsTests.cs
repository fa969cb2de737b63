using Microsoft.EntityFrameworkCore;
using Qonys.IntegrationTests.Permits;
using Qonys.IntegrationTests.Security;
using Qonys.Web.Modules.Compliance.Domain;
using Qonys.Web.Modules.Permits.Domain;
using Qonys.Web.Modules.Registry.Domain;
using static Qonys.IntegrationTests.Integration.InboundEvents;

namespace Qonys.IntegrationTests.Integration;

/// <summary>
/// <c>POST /api/v1/integration/events</c> over HTTP on both databases: each event type applied by the module that owns
/// it, malformed payloads refused naming the field, one effect per event id, the dead-letter list and its replay.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed class InboundEventsTests(Apps apps)
{
    static string Today => TestClock.Shared.Today.ToString("yyyy-MM-dd");

    static object Contract(string id, string bin, string? iin = null) => new
    {
        contractId = id, employerBin = bin, workerIin = iin, workerPassport = iin is null ? new { number = "P1234567", country = "CN" } : null,
        position = "Welder", occupationCode = "2142", monthlySalaryKzt = 650_000, startOn = "2026-01-15", endOn = (string?)null, workRegionCode = "KZ-35",
    };

    [Theory, OnSqlite, OnPostgres]
    public async Task Address_changed_and_death_registered_update_the_registrys_person(Provider provider)
    {
        var app = await apps.For(provider);
        var iin = await KnownPersonAsync(app);

        var moved = await AcceptedAsync(app, "address_changed", new { iin, regionCode = "KZ-59", locality = "Petropavl", address = "Abay St 1, apt 2" });
        var died = await AcceptedAsync(app, "death_registered", new { iin, diedOn = Today });

        moved.GetProperty("outcome").GetString().ShouldBe("applied");
        died.GetProperty("outcome").GetString().ShouldBe("applied");
        var person = await app.WithDbAsync(db => db.Set<Person>().AsNoTracking().SingleAsync(p => p.Iin == iin));
        person.RegionCode.ShouldBe("KZ-59");
        person.Address.ShouldBe("Abay St 1, apt 2");
        person.DiedOn.ShouldBe(TestClock.Shared.Today);
        // A deceased person's later address change waits in the dead letters.
        var late = await AcceptedAsync(app, "address_changed", new { iin, regionCode = "KZ-35", locality = "Karaganda", address = "Bukhar-Zhyrau 5" });
        late.GetProperty("outcome").GetString().ShouldBe("dead_lettered");
        late.GetProperty("reason").GetString()!.ShouldContain("deceased");
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Contract_events_fill_the_register_read_by_employer(Provider provider)
    {
        var app = await apps.For(provider);
        var bin = Demo.NewBin();
        var id = "EC-" + Guid.NewGuid().ToString("N")[..12];

        await AcceptedAsync(app, "contract_registered", Contract(id, bin, Demo.NewBin()));
        await AcceptedAsync(app, "contract_terminated", new
        {
            contractId = id, employerBin = bin, workerIin = (string?)null, workerPassport = new { number = "P7654321", country = "CN" },
            position = "Welder", occupationCode = "2142", monthlySalaryKzt = 650_000, startOn = "2026-01-15", endOn = "2026-06-30",
            workRegionCode = "KZ-35", terminatedOn = "2026-05-31",
        });

        using var inspector = await app.As(Demo.InspectorKaraganda);
        var list = await inspector.GetFromJsonAsync<JsonElement>($"/api/v1/employment-contracts?employerBin={bin}");
        list.GetProperty("total").GetInt32().ShouldBe(1);
        var row = list.GetProperty("items")[0];
        row.GetProperty("contractId").GetString().ShouldBe(id);
        row.GetProperty("terminatedOn").GetString().ShouldBe("2026-05-31");
        row.GetProperty("workerPassport").GetProperty("number").GetString().ShouldBe("P7654321");
        using var astana = await app.As(Demo.OfficerAstana);
        (await astana.GetAsync($"/api/v1/employment-contracts?employerBin={bin}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var analyst = await app.As(Demo.Analyst);
        (await analyst.GetFromJsonAsync<JsonElement>($"/api/v1/employment-contracts?employerBin={bin}")).GetProperty("total").GetInt32().ShouldBe(1);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Pension_and_tax_payments_are_recorded_against_the_employer_and_worker(Provider provider)
    {
        var app = await apps.For(provider);
        var bin = await new PermitScenario(app).NewEmployerAsync("KZ-35");
        var iin = Demo.NewBin();

        await AcceptedAsync(app, "pension_contribution", new { employerBin = bin, workerIin = iin, period = "2026-10", amountKzt = 65_000, paidOn = Today });
        await AcceptedAsync(app, "tax_payment", new
        {
            employerBin = bin, workerIin = (string?)null, taxCode = "social_tax", periodFrom = "2026-07-01", periodTo = "2026-09-30",
            amountKzt = 1_250_000, paidOn = Today,
        });
        var unknown = await AcceptedAsync(app, "tax_payment", new
        {
            employerBin = Demo.NewBin(), taxCode = "social_tax", periodFrom = "2026-07-01", periodTo = "2026-09-30", amountKzt = 1, paidOn = Today,
        });

        var rows = await app.WithDbAsync(db => db.Set<StatePayment>().AsNoTracking().Where(p => p.EmployerBin == bin).OrderBy(p => p.Kind).ToListAsync());
        rows.Select(r => (r.Kind, r.WorkerIin, r.PeriodFrom, r.PeriodTo, r.AmountKzt)).ShouldBe([
            ("pension_contribution", iin, new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31), 65_000L),
            ("tax_payment", null, new DateOnly(2026, 7, 1), new DateOnly(2026, 9, 30), 1_250_000L),
        ]);
        unknown.GetProperty("outcome").GetString().ShouldBe("dead_lettered");
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_payment_of_the_fee_makes_it_paid_and_a_wrong_amount_waits_in_the_dead_letters(Provider provider)
    {
        var app = await apps.For(provider);
        var (id, number) = await LifecycleSteps.ApprovedAsync(app);
        using var employer = await app.As(Demo.Employer);
        var fee = (await employer.GetFromJsonAsync<JsonElement>($"/api/v1/permit-applications/{id}")).GetProperty("fee").GetProperty("kzt").GetInt64();
        (await employer.PostAsync($"/api/v1/permit-applications/{id}/pay-fee", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var wrong = await AcceptedAsync(app, "payment_received", Payment(id, fee - 1));
        wrong.GetProperty("outcome").GetString().ShouldBe("dead_lettered");
        (await employer.GetFromJsonAsync<JsonElement>($"/api/v1/permit-applications/{id}")).GetProperty("status").GetString().ShouldBe("approved");

        var right = await AcceptedAsync(app, "payment_received", Payment(id, fee));
        right.GetProperty("outcome").GetString().ShouldBe("applied");
        var paid = await employer.GetFromJsonAsync<JsonElement>($"/api/v1/permit-applications/{id}");
        paid.GetProperty("status").GetString().ShouldBe("fee_paid");
        paid.GetProperty("nextActions").GetArrayLength().ShouldBe(0);
        (await LifecycleSteps.PermitAsync(app, number)).GetProperty("status").GetString().ShouldBe("active");
        // A second payment (another event) is not applied twice: it waits for a refund.
        var second = await AcceptedAsync(app, "payment_received", Payment(id, fee));
        second.GetProperty("reason").GetString()!.ShouldContain("already paid");
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Border_crossings_and_host_notifications_set_presence_and_an_overstay_becomes_a_case(Provider provider)
    {
        var app = await apps.For(provider);
        var (id, number) = await LifecycleSteps.ActivePermitAsync(app);
        using var admin = await app.As(Demo.Admin);
        var passport = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/permit-applications/{id}")).GetProperty("workers")[0]
            .GetProperty("passportNumber").GetString()!;
        var entry = await AcceptedAsync(app, "border_crossing", new
        {
            passportNumber = passport, citizenship = "CN", direction = "entry", crossedAt = TestClock.Shared.GetUtcNow().AddDays(-20), checkpoint = "Khorgos",
        });
        var host = await AcceptedAsync(app, "host_notification", new
        {
            passportNumber = passport, citizenship = "CN", hostBin = Qonys.Web.Platform.Demo.DemoAccounts.DemoEmployerBin, regionCode = "KZ-35",
            address = "Karaganda, Erubayev St 10", arrivedOn = Today,
        });
        entry.GetProperty("outcome").GetString().ShouldBe("applied");
        host.GetProperty("outcome").GetString().ShouldBe("applied");
        using var inspector = await app.As(Demo.InspectorKaraganda);
        (await OverstaysAsync(inspector)).ShouldNotContain(passport);

        // The permit ended five days ago (arranged; the lifecycle job would expire it) and the worker has not left.
        await LifecycleSteps.SetValidUntilAsync(app, number, TestClock.Shared.Today.AddDays(-5));
        var cases = await inspector.GetFromJsonAsync<JsonElement>("/api/v1/compliance/overstays?pageSize=500");
        var mine = cases.GetProperty("items").EnumerateArray().Single(o => o.GetProperty("passportNumber").GetString() == passport);
        mine.GetProperty("permitNumber").GetString().ShouldBe(number);
        mine.GetProperty("daysOverstayed").GetInt32().ShouldBe(5);
        mine.GetProperty("stayAddress").GetString().ShouldBe("Karaganda, Erubayev St 10");
        mine.GetProperty("exitPeriodRule").GetString().ShouldBe("permit.exit_period_days");
        using var officer = await app.As(Demo.OfficerKaraganda);
        (await officer.GetAsync("/api/v1/compliance/overstays")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await inspector.GetAsync("/api/v1/compliance/overstays?regionCode=KZ-71")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        await AcceptedAsync(app, "border_crossing", new
        {
            passportNumber = passport, citizenship = "CN", direction = "exit", crossedAt = TestClock.Shared.GetUtcNow(), checkpoint = "Khorgos",
        });
        (await OverstaysAsync(inspector)).ShouldNotContain(passport);
    }

    static async Task<List<string>> OverstaysAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/compliance/overstays?pageSize=500")).GetProperty("items").EnumerateArray()
        .Select(o => o.GetProperty("passportNumber").GetString()!).ToList();

    /// <summary>Rows: event type, a valid payload with one field broken, the field the 400 names.</summary>
    public static IEnumerable<object[]> Malformed() =>
    [
        ["address_changed", J(new { iin = "123456789012", regionCode = "KZ-59", locality = "X", address = "Y" }), "payload.iin"],
        ["address_changed", J(new { iin = "250100058493", regionCode = "KZ-99", locality = "X", address = "Y" }), "payload.regionCode"],
        ["death_registered", J(new { iin = "250100058502", diedOn = "yesterday" }), "payload.diedOn"],
        ["contract_registered", J(new { contractId = "C1", employerBin = "250100058542", workerIin = "250100058562", position = "W", occupationCode = "2142",
            monthlySalaryKzt = -1, startOn = "2026-01-01", workRegionCode = "KZ-35" }), "payload.monthlySalaryKzt"],
        ["contract_terminated", J(new { contractId = "C1", employerBin = "250100058572", position = "W", occupationCode = "2142",
            monthlySalaryKzt = 1, startOn = "2026-01-01", workRegionCode = "KZ-35" }), "payload.workerIin"],
        ["host_notification", J(new { passportNumber = "P1", citizenship = "CN", regionCode = "KZ-35", address = "A", arrivedOn = "2026-01-01" }), "payload.hostIin"],
        ["border_crossing", J(new { passportNumber = "P1", citizenship = "CN", direction = "sideways", crossedAt = "2026-01-01T00:00:00Z", checkpoint = "K" }),
            "payload.direction"],
        ["payment_received", J(new { paymentId = "P", applicationId = "not-a-uuid", amountKzt = 1, paidAt = "2026-01-01T00:00:00Z" }), "payload.applicationId"],
        ["pension_contribution", J(new { employerBin = "250100058582", workerIin = "250100058621", period = "2026-13", amountKzt = 1, paidOn = "2026-01-01" }),
            "payload.period"],
        ["tax_payment", J(new { employerBin = "250100058641", taxCode = "social_tax", periodFrom = "2026-07-01", periodTo = "2026-09-30", amountKzt = 0,
            paidOn = "2026-01-01" }), "payload.amountKzt"],
    ];

    static string J(object payload) => JsonSerializer.Serialize(payload, JsonSerializerOptions.Web);

    [Theory, OnSqlite(nameof(Malformed)), OnPostgres(nameof(Malformed))]
    public async Task A_malformed_payload_is_a_400_naming_the_field_and_records_nothing(Provider provider, string type, string payload, string field)
    {
        var app = await apps.For(provider);
        var eventId = Guid.NewGuid();

        var response = await SendAsync(app, type, JsonDocument.Parse(payload).RootElement, eventId);

        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, text);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        JsonDocument.Parse(text).RootElement.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(text);
        using var admin = await app.As(Demo.Admin);
        (await admin.GetAsync($"/api/v1/integration/events/{eventId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task An_unknown_type_or_a_missing_envelope_field_is_a_400_naming_it(Provider provider)
    {
        var app = await apps.For(provider);
        using var client = await app.AsIntegrationClient();

        var unknown = await client.PostAsJsonAsync(EventsPath, Envelope("weather_changed", new { }));
        var missing = await client.PostAsJsonAsync(EventsPath, new { type = "address_changed", source = "x", payload = new { } });

        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("type")[0].GetString()!.ShouldContain("address_changed");
        var errors = (await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.TryGetProperty("eventId", out _).ShouldBeTrue();
        errors.TryGetProperty("occurredAt", out _).ShouldBeTrue();
        using var employer = await app.As(Demo.Employer);
        (await employer.PostAsJsonAsync(EventsPath, Envelope("address_changed", new { }))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_same_event_id_again_is_a_duplicate_and_twenty_copies_at_once_have_one_effect(Provider provider)
    {
        var app = await apps.For(provider);
        var (id, _) = await LifecycleSteps.ApprovedAsync(app);
        await TwentyCopiesOfOnePaymentAsync(app, app, id);
    }

    [PostgresFact]
    public async Task Twenty_copies_across_two_app_nodes_on_one_database_have_one_effect()
    {
        var app = await apps.For(Provider.Postgres);
        await using var second = await TestApp.StartAsync(Provider.Postgres, connectionString: app.ConnectionString);
        var (id, _) = await LifecycleSteps.ApprovedAsync(app);
        await TwentyCopiesOfOnePaymentAsync(app, second, id);
    }

    static async Task TwentyCopiesOfOnePaymentAsync(TestApp node1, TestApp node2, Guid applicationId)
    {
        using var admin = await node1.As(Demo.Admin);
        var fee = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/permit-applications/{applicationId}")).GetProperty("fee").GetProperty("kzt").GetInt64();
        var body = Envelope("payment_received", Payment(applicationId, fee));
        var clients = new[] { await node1.AsIntegrationClient(), await node2.AsIntegrationClient() };
        using var start = new SemaphoreSlim(0);
        var sends = Enumerable.Range(0, 20).Select(async i =>
        {
            await start.WaitAsync();
            return await clients[i % 2].PostAsJsonAsync(EventsPath, body);
        }).ToList();
        start.Release(20);
        var responses = await Task.WhenAll(sends);
        foreach (var c in clients) c.Dispose();

        var statuses = responses.Select(r => r.StatusCode).ToList();
        statuses.Count(s => s == HttpStatusCode.Accepted).ShouldBe(1, string.Join(", ", statuses));
        statuses.Count(s => s == HttpStatusCode.OK).ShouldBe(19, string.Join(", ", statuses));
        foreach (var r in responses.Where(r => r.StatusCode == HttpStatusCode.OK))
        {
            var receipt = await r.Content.ReadFromJsonAsync<JsonElement>();
            receipt.GetProperty("status").GetString().ShouldBe("duplicate");
            receipt.GetProperty("outcome").GetString().ShouldBe("applied");
        }
        var history = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/permit-applications/{applicationId}")).GetProperty("history");
        history.EnumerateArray().Count(h => h.GetProperty("action").GetString() == "pay_fee").ShouldBe(1);
        var eventId = JsonSerializer.SerializeToElement(body, JsonSerializerOptions.Web).GetProperty("eventId").GetGuid();
        var entry = await InboxEntryAsync(node1, eventId);
        entry.GetProperty("duplicates").GetInt32().ShouldBe(19);
        entry.GetProperty("attempts").GetInt32().ShouldBe(1);
        var audited = await node1.WithDbAsync(db => db.Set<Qonys.Web.Platform.Audit.AuditEntry>().AsNoTracking()
            .CountAsync(a => a.Type == "integration.event_applied" && a.EntityId == eventId.ToString("D")));
        audited.ShouldBe(1);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task An_event_for_an_unknown_iin_is_dead_lettered_then_replayed_by_an_administrator_once_the_person_is_known(Provider provider)
    {
        var app = await apps.For(provider);
        var iin = Demo.NewBin();
        var eventId = Guid.NewGuid();
        var payload = new { iin, regionCode = "KZ-59", locality = "Petropavl", address = "Abay St 7" };

        var receipt = await AcceptedAsync(app, "address_changed", payload, eventId);
        receipt.GetProperty("outcome").GetString().ShouldBe("dead_lettered");
        receipt.GetProperty("reason").GetString()!.ShouldContain("IIN");
        using var admin = await app.As(Demo.Admin);
        var dead = await admin.GetFromJsonAsync<JsonElement>("/api/v1/integration/dead-letters?type=address_changed&pageSize=500");
        dead.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("eventId").GetGuid()).ShouldContain(eventId);
        var replay = $"/api/v1/integration/dead-letters/{eventId}/replay";
        using var integration = await app.AsIntegrationClient();
        (await integration.PostAsync(replay, null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var tooEarly = await PermitScenario.ReadAsync(await admin.PostAsync(replay, null), HttpStatusCode.OK);
        tooEarly.GetProperty("outcome").GetString().ShouldBe("dead_lettered");
        tooEarly.GetProperty("attempts").GetInt32().ShouldBe(2);

        await KnownPersonAsync(app, iin);
        var replayed = await PermitScenario.ReadAsync(await admin.PostAsync(replay, null), HttpStatusCode.OK);
        replayed.GetProperty("outcome").GetString().ShouldBe("applied");
        replayed.GetProperty("reason").ValueKind.ShouldBe(JsonValueKind.Null);
        (await app.WithDbAsync(db => db.Set<Person>().AsNoTracking().SingleAsync(p => p.Iin == iin))).Address.ShouldBe("Abay St 7");
        (await admin.PostAsync(replay, null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await admin.GetFromJsonAsync<JsonElement>("/api/v1/integration/dead-letters?pageSize=500")).GetProperty("items").EnumerateArray()
            .Select(e => e.GetProperty("eventId").GetGuid()).ShouldNotContain(eventId);
        var replays = await app.WithDbAsync(db => db.Set<Qonys.Web.Platform.Audit.AuditEntry>().AsNoTracking()
            .CountAsync(a => a.Type == "integration.event_replayed" && a.EntityId == eventId.ToString("D")));
        replays.ShouldBe(2);
        // The same event sent again after its replay is a duplicate: the address is not written twice.
        var again = await SendAsync(app, "address_changed", payload, eventId);
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_dead_letter_page_shows_the_types_by_name_in_the_chosen_language_and_replays(Provider provider)
    {
        var app = await apps.For(provider);
        var iin = Demo.NewBin();
        var eventId = Guid.NewGuid();
        await AcceptedAsync(app, "address_changed", new { iin, regionCode = "KZ-59", locality = "Petropavl", address = "Abay St 9" }, eventId);
        using var browser = await Browser.SignedInAsync(app, Demo.Admin);

        var ru = WebUtility.HtmlDecode(await browser.Http.GetStringAsync("/integration/dead-letters?type=address_changed&culture=ru"));
        ru.ShouldContain("Непримененные входящие события");
        ru.ShouldContain("<td>Смена адреса</td>");
        ru.ShouldContain(eventId.ToString());
        var kk = WebUtility.HtmlDecode(await browser.Http.GetStringAsync("/integration/dead-letters?type=address_changed&culture=kk"));
        kk.ShouldContain("<td>Мекенжайдың өзгеруі</td>");

        await KnownPersonAsync(app, iin);
        var token = Browser.FormToken(await browser.Http.GetStringAsync("/integration/dead-letters?culture=en"));
        var replay = await browser.Http.PostAsync("/integration/dead-letters?handler=Replay", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["eventId"] = eventId.ToString(), ["__RequestVerificationToken"] = token,
        }));
        replay.StatusCode.ShouldBe(HttpStatusCode.Redirect, await replay.Content.ReadAsStringAsync());
        replay.Headers.Location!.ToString().ShouldContain("outcome=applied");
        (await InboxEntryAsync(app, eventId)).GetProperty("outcome").GetString().ShouldBe("applied");
        using var inspector = await Browser.SignedInAsync(app, Demo.InspectorKaraganda);
        (await inspector.Http.GetAsync("/integration/dead-letters")).StatusCode.ShouldNotBe(HttpStatusCode.OK);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_openapi_document_has_a_schema_per_event_type(Provider provider)
    {
        var app = await apps.For(provider);
        using var anonymous = app.Anonymous();
        var doc = await anonymous.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var body = doc.GetProperty("paths").GetProperty(EventsPath).GetProperty("post").GetProperty("requestBody")
            .GetProperty("content").GetProperty("application/json").GetProperty("schema");
        var mapping = body.GetProperty("discriminator").GetProperty("mapping").EnumerateObject().Select(p => p.Name).Order().ToList();
        mapping.ShouldBe(["address_changed", "border_crossing", "contract_registered", "contract_terminated", "death_registered",
            "host_notification", "payment_received", "pension_contribution", "tax_payment"]);
        body.GetProperty("oneOf").GetArrayLength().ShouldBe(9);
        var schemas = doc.GetProperty("components").GetProperty("schemas");
        schemas.GetProperty("AddressChangedPayload").GetProperty("properties").TryGetProperty("iin", out _).ShouldBeTrue();
        schemas.GetProperty("PaymentReceivedEvent").GetProperty("properties").GetProperty("type").GetProperty("enum")[0].GetString().ShouldBe("payment_received");
    }
}
