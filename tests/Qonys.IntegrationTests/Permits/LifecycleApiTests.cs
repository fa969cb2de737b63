using Microsoft.EntityFrameworkCore;
using Qonys.Web.Modules.Permits.Certificate;
using Qonys.Web.Modules.Permits.Domain;
using Qonys.Web.Platform.Audit;
using static Qonys.IntegrationTests.Permits.LifecycleSteps;

namespace Qonys.IntegrationTests.Permits;

[Collection(AppsCollection.Name)]
public sealed class LifecycleApiTests(Apps apps)
{
    [Theory, OnSqlite, OnPostgres]
    public async Task An_extension_is_asked_in_the_window_and_approved_by_the_regions_officer(Provider provider)
    {
        var app = await apps.For(provider);
        var (id, number) = await ActivePermitAsync(app);
        using var employer = await app.As(Demo.Employer);
        using var karaganda = await app.As(Demo.OfficerKaraganda);
        using var astana = await app.As(Demo.OfficerAstana);

        // 90 days before expiry: outside the 60–30 day window.
        await SetValidUntilAsync(app, number, Today.AddDays(90));
        var early = await employer.PostAsJsonAsync($"/api/v1/permits/{number}/extension-requests", new { months = 12 });
        early.StatusCode.ShouldBe((HttpStatusCode)422);
        (await ProblemAsync(early)).GetProperty("rule").GetString().ShouldBe(ExtensionRules.Window);
        var missing = await employer.PostAsJsonAsync($"/api/v1/permits/{number}/extension-requests", new { });
        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemAsync(missing)).GetProperty("errors").TryGetProperty("months", out _).ShouldBeTrue();

        var until = Today.AddDays(45);
        await SetValidUntilAsync(app, number, until);
        var asked = await employer.PostAsJsonAsync($"/api/v1/permits/{number}/extension-requests", new { months = 12 });
        var request = await asked.Content.ReadFromJsonAsync<JsonElement>();
        asked.StatusCode.ShouldBe(HttpStatusCode.Created, request.ToString());
        request.GetProperty("status").GetString().ShouldBe("pending");
        DateOnly.Parse(request.GetProperty("decisionDueOn").GetString()!).ShouldBeGreaterThanOrEqualTo(Today.AddDays(3));
        var requestId = request.GetProperty("id").GetGuid();
        (await employer.PostAsJsonAsync($"/api/v1/permits/{number}/extension-requests", new { months = 6 })).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var path = $"/api/v1/permits/{number}/extension-requests/{requestId}/approve";
        (await astana.PostAsync(path, null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var approved = await karaganda.PostAsync(path, null);
        approved.StatusCode.ShouldBe(HttpStatusCode.OK, await approved.Content.ReadAsStringAsync());
        (await karaganda.PostAsync(path, null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var permit = await PermitAsync(app, number);
        DateOnly.Parse(permit.GetProperty("validUntil").GetString()!).ShouldBe(until.AddDays(1).AddMonths(12).AddDays(-1));
        Int(permit, "extensions").ShouldBe(1);
        var history = (await CaseAsync(app, id)).GetProperty("history").EnumerateArray().ToList();
        history.ShouldContain(h => h.GetProperty("action").GetString() == "extend" && h.GetProperty("permitNumber").GetString() == number);
        history.ShouldContain(h => h.GetProperty("action").GetString() == "request_extension" && h.GetProperty("permitNumber").GetString() == number);
        (await app.WithDbAsync(db => db.Set<AuditEntry>().AnyAsync(a => a.Type == "permits.change_decided" && a.EntityId == requestId.ToString())))
            .ShouldBeTrue();
    }

    // On PostgreSQL this fails until the platform's authorization-failure audit fits long paths: it stores
    // "POST /api/v1/permits/{number}/extension-requests/{id}/approve" (≈ 110 characters) in audit_entries.entity_id,
    // a varchar(64), and the 403 becomes a 500 (the same happens to POST /api/v1/permit-applications/{id}/approve).
    [Theory, OnSqlite, OnPostgres]
    public async Task The_employer_may_not_decide_its_own_extension_request(Provider provider)
    {
        var app = await apps.For(provider);
        var (_, number) = await ActivePermitAsync(app);
        await SetValidUntilAsync(app, number, Today.AddDays(45));
        using var employer = await app.As(Demo.Employer);
        var asked = await employer.PostAsJsonAsync($"/api/v1/permits/{number}/extension-requests", new { months = 12 });
        asked.StatusCode.ShouldBe(HttpStatusCode.Created, await asked.Content.ReadAsStringAsync());
        var requestId = (await asked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        (await employer.PostAsync($"/api/v1/permits/{number}/extension-requests/{requestId}/approve", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_replacement_ends_the_old_permit_and_issues_one_with_the_remaining_validity_keeping_the_quota_place(Provider provider)
    {
        var app = await apps.For(provider);
        var (id, number) = await ActivePermitAsync(app);
        var before = (await LedgerAsync(app))!.Value;
        var old = await PermitAsync(app, number);
        using var employer = await app.As(Demo.Employer);
        using var karaganda = await app.As(Demo.OfficerKaraganda);

        var bad = await employer.PostAsJsonAsync($"/api/v1/permits/{number}/replacement",
            new { worker = new { fullName = "X", citizenship = "CN", birthDate = "1990-01-01", education = "bachelor" } });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemAsync(bad)).GetProperty("errors").TryGetProperty("worker.passportNumber", out _).ShouldBeTrue();

        var asked = await employer.PostAsJsonAsync($"/api/v1/permits/{number}/replacement", new { worker = Worker(), reason = "the worker resigned" });
        var request = await asked.Content.ReadFromJsonAsync<JsonElement>();
        asked.StatusCode.ShouldBe(HttpStatusCode.Created, request.ToString());
        var approved = await karaganda.PostAsync($"/api/v1/permits/{number}/replacement/{request.GetProperty("id").GetGuid()}/approve", null);
        var decided = await approved.Content.ReadFromJsonAsync<JsonElement>();
        approved.StatusCode.ShouldBe(HttpStatusCode.OK, decided.ToString());
        var newNumber = decided.GetProperty("newPermitNumber").GetString()!;

        var ended = await PermitAsync(app, number);
        ended.GetProperty("status").GetString().ShouldBe("replaced");
        ended.GetProperty("endedOn").GetString().ShouldBe(Today.ToString("yyyy-MM-dd"));
        var issued = await PermitAsync(app, newNumber);
        issued.GetProperty("status").GetString().ShouldBe("active");
        issued.GetProperty("validUntil").GetString().ShouldBe(old.GetProperty("validUntil").GetString());
        issued.GetProperty("applicationId").GetGuid().ShouldBe(id);
        var after = (await LedgerAsync(app))!.Value;
        Int(after, "used").ShouldBe(Int(before, "used"));
        Int(after, "released").ShouldBe(Int(before, "released"));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Revocation_needs_a_reason_and_the_regions_officer_and_releases_the_quota_place(Provider provider)
    {
        var app = await apps.For(provider);
        var (id, number) = await ActivePermitAsync(app);
        var before = (await LedgerAsync(app))!.Value;
        using var employer = await app.As(Demo.Employer);
        using var karaganda = await app.As(Demo.OfficerKaraganda);
        using var astana = await app.As(Demo.OfficerAstana);
        var path = $"/api/v1/permits/{number}/revoke";

        var noReason = await karaganda.PostAsJsonAsync(path, new { });
        noReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemAsync(noReason)).GetProperty("errors").TryGetProperty("reason", out _).ShouldBeTrue();
        (await employer.PostAsJsonAsync(path, new { reason = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await astana.PostAsJsonAsync(path, new { reason = "x" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var revoked = await karaganda.PostAsJsonAsync(path, new { reason = "forged diploma" });
        var body = await revoked.Content.ReadFromJsonAsync<JsonElement>();
        revoked.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToString());
        body.GetProperty("status").GetString().ShouldBe("revoked");
        body.GetProperty("endedOn").GetString().ShouldBe(Today.ToString("yyyy-MM-dd"));
        (await karaganda.PostAsJsonAsync(path, new { reason = "again" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var after = (await LedgerAsync(app))!.Value;
        Int(after, "used").ShouldBe(Int(before, "used") - 1);
        Int(after, "released").ShouldBe(Int(before, "released") + 1);
        var history = (await CaseAsync(app, id)).GetProperty("history").EnumerateArray().ToList();
        history.ShouldContain(h => h.GetProperty("action").GetString() == "revoke" && h.GetProperty("permitNumber").GetString() == number &&
                                   h.GetProperty("reason").GetString() == "forged diploma");
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task An_unpaid_approval_lapses_past_its_fee_day_cancelling_the_permit_and_releasing_the_place(Provider provider)
    {
        var app = await apps.For(provider);
        var (id, number) = await ApprovedAsync(app);
        var before = (await LedgerAsync(app))!.Value;
        await app.WithDbAsync(db => db.Set<PermitApplication>().Where(a => a.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.FeeDueOn, Today.AddDays(-1))));

        var result = await SweepAsync(app, Today);

        result.ApprovalsLapsed.ShouldBeGreaterThanOrEqualTo(1);
        (await CaseAsync(app, id)).GetProperty("status").GetString().ShouldBe("lapsed");
        var permit = await PermitAsync(app, number);
        permit.GetProperty("status").GetString().ShouldBe("cancelled");
        var after = (await LedgerAsync(app))!.Value;
        Int(after, "used").ShouldBe(Int(before, "used") - 1);
        Int(after, "released").ShouldBe(Int(before, "released") + 1);
        (await SweepAsync(app, Today)).ApprovalsLapsed.ShouldBe(0);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_permit_past_its_last_day_expires_without_a_quota_change(Provider provider)
    {
        var app = await apps.For(provider);
        var (id, number) = await ActivePermitAsync(app);
        await SetValidUntilAsync(app, number, Today.AddDays(-1));
        var before = (await LedgerAsync(app))!.Value;

        (await SweepAsync(app, Today)).PermitsExpired.ShouldBeGreaterThanOrEqualTo(1);

        (await PermitAsync(app, number)).GetProperty("status").GetString().ShouldBe("expired");
        var after = (await LedgerAsync(app))!.Value;
        Int(after, "used").ShouldBe(Int(before, "used"));
        Int(after, "released").ShouldBe(Int(before, "released"));
        var history = (await CaseAsync(app, id)).GetProperty("history").EnumerateArray().ToList();
        history.ShouldContain(h => h.GetProperty("action").GetString() == "expire" && h.GetProperty("permitNumber").GetString() == number);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_certificate_is_a_pdf_with_the_number_within_the_permits_scope(Provider provider)
    {
        var app = await apps.For(provider);
        var (_, number) = await ActivePermitAsync(app);
        using var employer = await app.As(Demo.Employer);
        using var astana = await app.As(Demo.OfficerAstana);

        var response = await employer.GetAsync($"/api/v1/permits/{number}/certificate.pdf");

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var text = System.Text.Encoding.Latin1.GetString(await response.Content.ReadAsByteArrayAsync());
        text.ShouldStartWith("%PDF");
        text.ShouldContain(number);
        text.ShouldContain("/verify/" + number);
        (await astana.GetAsync($"/api/v1/permits/{number}/certificate.pdf")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_overdue_queue_shows_each_role_its_own_scope(Provider provider)
    {
        var app = await apps.For(provider);
        var id = await SubmitAsync(app);
        await app.WithDbAsync(db => db.Set<PermitApplication>().Where(a => a.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.DecisionDueOn, Today.AddDays(-1))));
        using var karaganda = await app.As(Demo.OfficerKaraganda);
        using var astana = await app.As(Demo.OfficerAstana);
        using var employer = await app.As(Demo.Employer);
        using var admin = await app.As(Demo.Admin);

        async Task<List<JsonElement>> Queue(HttpClient client, string query)
        {
            var page = await client.GetFromJsonAsync<JsonElement>("/api/v1/permit-applications?overdue=true&pageSize=500" + query);
            return page.GetProperty("items").EnumerateArray().ToList();
        }

        var own = await Queue(karaganda, "");
        var item = own.Single(i => i.GetProperty("id").GetGuid() == id);
        item.GetProperty("overdue").GetBoolean().ShouldBeTrue();
        own.ShouldAllBe(i => i.GetProperty("regionCode").GetString() == "KZ-35" && i.GetProperty("overdue").GetBoolean());
        var due = own.Select(i => i.GetProperty("decisionDueOn").GetString()!).ToList();
        due.ShouldBe(due.Order(StringComparer.Ordinal).ToList());
        (await Queue(karaganda, "&regionCode=KZ-71")).ShouldBeEmpty();
        (await Queue(astana, "")).ShouldNotContain(i => i.GetProperty("id").GetGuid() == id);
        (await Queue(employer, "")).ShouldContain(i => i.GetProperty("id").GetGuid() == id);
        (await Queue(admin, "&regionCode=KZ-35")).ShouldContain(i => i.GetProperty("id").GetGuid() == id);
        (await admin.GetAsync("/api/v1/permit-applications?status=nonsense")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Overdue_extension_requests_reach_the_regions_request_queue(Provider provider)
    {
        var app = await apps.For(provider);
        var (_, number) = await ActivePermitAsync(app);
        await SetValidUntilAsync(app, number, Today.AddDays(40));
        using var employer = await app.As(Demo.Employer);
        var asked = await employer.PostAsJsonAsync($"/api/v1/permits/{number}/extension-requests", new { months = 6 });
        asked.StatusCode.ShouldBe(HttpStatusCode.Created, await asked.Content.ReadAsStringAsync());
        var requestId = (await asked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await app.WithDbAsync(db => db.Set<PermitChangeRequest>().Where(r => r.Id == requestId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.DecisionDueOn, Today.AddDays(-1))));
        using var karaganda = await app.As(Demo.OfficerKaraganda);
        using var astana = await app.As(Demo.OfficerAstana);

        var queue = await karaganda.GetFromJsonAsync<JsonElement>("/api/v1/permits/requests?overdue=true&pageSize=500");
        var item = queue.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == requestId);
        item.GetProperty("overdue").GetBoolean().ShouldBeTrue();
        item.GetProperty("kind").GetString().ShouldBe("extension");
        var other = await astana.GetFromJsonAsync<JsonElement>("/api/v1/permits/requests?overdue=true&pageSize=500");
        other.GetProperty("items").EnumerateArray().ShouldNotContain(i => i.GetProperty("id").GetGuid() == requestId);
    }
}
