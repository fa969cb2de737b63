using Microsoft.EntityFrameworkCore;
using Qonys.Web.Modules.Permits.Domain;
using Qonys.Web.Platform.Audit;
using static Qonys.IntegrationTests.Permits.LifecycleSteps;

namespace Qonys.IntegrationTests.Permits;

/// <summary>
/// The permit lifecycle's refusals and endings (docs/permits.md): rejected extension and replacement requests, a
/// replacement refused for the new worker's qualification, pending requests closed when their permit ends, a lapse after
/// one of the case's permits was revoked, household permits expiring in the sweep, and the public check of ended permits.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed class LifecycleEndingsTests(Apps apps)
{
    static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    static async Task<Guid> AskExtensionAsync(HttpClient employer, string number, int months = 12) =>
        (await ReadAsync(await employer.PostAsJsonAsync($"/api/v1/permits/{number}/extension-requests", new { months }), HttpStatusCode.Created))
        .GetProperty("id").GetGuid();

    static List<JsonElement> History(JsonElement @case) => @case.GetProperty("history").EnumerateArray().ToList();

    [Theory, OnSqlite, OnPostgres]
    public async Task A_rejected_extension_needs_a_reason_leaves_the_permit_as_it_was_and_frees_the_permit_for_a_new_request(Provider provider)
    {
        var app = await apps.For(provider);
        var (id, number) = await ActivePermitAsync(app);
        var until = Today.AddDays(45);
        await SetValidUntilAsync(app, number, until);
        using var employer = await app.As(Demo.Employer);
        using var karaganda = await app.As(Demo.OfficerKaraganda);
        var requestId = await AskExtensionAsync(employer, number);
        var reject = $"/api/v1/permits/{number}/extension-requests/{requestId}/reject";

        var noReason = await ReadAsync(await karaganda.PostAsJsonAsync(reject, new { }), HttpStatusCode.BadRequest);
        noReason.GetProperty("errors").TryGetProperty("reason", out _).ShouldBeTrue(noReason.ToString());
        var rejected = await ReadAsync(await karaganda.PostAsJsonAsync(reject, new { reason = "the contract ends with the permit" }), HttpStatusCode.OK);
        rejected.GetProperty("status").GetString().ShouldBe("rejected");
        rejected.GetProperty("decisionReason").GetString().ShouldBe("the contract ends with the permit");
        (await karaganda.PostAsJsonAsync(reject, new { reason = "again" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await karaganda.PostAsync($"/api/v1/permits/{number}/extension-requests/{requestId}/approve", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var permit = await PermitAsync(app, number);
        permit.GetProperty("status").GetString().ShouldBe("active");
        permit.GetProperty("validUntil").GetString().ShouldBe(until.ToString("yyyy-MM-dd"));
        Int(permit, "extensions").ShouldBe(0);
        History(await CaseAsync(app, id)).ShouldContain(h => h.GetProperty("action").GetString() == "reject_extension" &&
                                                           h.GetProperty("permitNumber").GetString() == number &&
                                                           h.GetProperty("reason").GetString() == "the contract ends with the permit");
        var read = await ReadAsync(await employer.GetAsync($"/api/v1/permits/{number}/extension-requests/{requestId}"), HttpStatusCode.OK);
        read.GetProperty("status").GetString().ShouldBe("rejected");
        // Nothing is pending any more: the employer may ask again.
        await AskExtensionAsync(employer, number, months: 6);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_rejected_replacement_keeps_the_worker_and_the_permit(Provider provider)
    {
        var app = await apps.For(provider);
        var (id, number) = await ActivePermitAsync(app);
        var before = (await LedgerAsync(app))!.Value;
        using var employer = await app.As(Demo.Employer);
        using var karaganda = await app.As(Demo.OfficerKaraganda);
        using var astana = await app.As(Demo.OfficerAstana);
        var request = await ReadAsync(await employer.PostAsJsonAsync($"/api/v1/permits/{number}/replacement",
            new { worker = Worker(), reason = "the worker resigned" }), HttpStatusCode.Created);
        var reject = $"/api/v1/permits/{number}/replacement/{request.GetProperty("id").GetGuid()}/reject";

        (await astana.PostAsJsonAsync(reject, new { reason = "not my region" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var rejected = await ReadAsync(await karaganda.PostAsJsonAsync(reject, new { reason = "the new worker's passport is not readable" }), HttpStatusCode.OK);

        rejected.GetProperty("status").GetString().ShouldBe("rejected");
        rejected.GetProperty("newPermitNumber").ValueKind.ShouldBe(JsonValueKind.Null);
        (await PermitAsync(app, number)).GetProperty("status").GetString().ShouldBe("active");
        var @case = await CaseAsync(app, id);
        History(@case).ShouldContain(h => h.GetProperty("action").GetString() == "reject_replacement" && h.GetProperty("permitNumber").GetString() == number);
        History(@case).ShouldNotContain(h => h.GetProperty("action").GetString() == "issue_replacement");
        var after = (await LedgerAsync(app))!.Value;
        (Int(after, "used"), Int(after, "released")).ShouldBe((Int(before, "used"), Int(before, "released")));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_replacement_worker_without_the_categorys_education_is_refused_and_nothing_is_pending(Provider provider)
    {
        var app = await apps.For(provider);
        var (_, number) = await ActivePermitAsync(app);
        using var employer = await app.As(Demo.Employer);
        var vocational = new
        {
            fullName = "Иван Петров", passportNumber = "V" + Random.Shared.Next(10_000_000, 99_999_999), citizenship = "RU",
            birthDate = "1992-04-04", education = "vocational",
        };

        // docs/rules.md: categories 1-3 need higher education of every worker; this permit is category 2.
        var refused = await ReadAsync(await employer.PostAsJsonAsync($"/api/v1/permits/{number}/replacement", new { worker = vocational }),
            (HttpStatusCode)422);

        refused.GetProperty("rule").GetString().ShouldBe(PermitRules.Qualification);
        var pending = await app.WithDbAsync(db => db.Set<PermitChangeRequest>().CountAsync(r => r.PermitNumber == number));
        pending.ShouldBe(0);
        // The same request with a qualified worker is accepted: the refusal was the qualification, nothing else.
        await ReadAsync(await employer.PostAsJsonAsync($"/api/v1/permits/{number}/replacement", new { worker = Worker() }), HttpStatusCode.Created);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Ending_a_permit_by_revocation_or_expiry_closes_its_pending_request(Provider provider)
    {
        var app = await apps.For(provider);
        using var employer = await app.As(Demo.Employer);
        using var karaganda = await app.As(Demo.OfficerKaraganda);

        var (_, revokedNumber) = await ActivePermitAsync(app);
        await SetValidUntilAsync(app, revokedNumber, Today.AddDays(40));
        var revokedRequest = await AskExtensionAsync(employer, revokedNumber);
        await ReadAsync(await karaganda.PostAsJsonAsync($"/api/v1/permits/{revokedNumber}/revoke", new { reason = "the employer closed the site" }),
            HttpStatusCode.OK);

        var (_, expiredNumber) = await ActivePermitAsync(app);
        await SetValidUntilAsync(app, expiredNumber, Today.AddDays(40));
        var expiredRequest = await AskExtensionAsync(employer, expiredNumber);
        await SetValidUntilAsync(app, expiredNumber, Today.AddDays(-1));
        (await SweepAsync(app, Today)).PermitsExpired.ShouldBeGreaterThanOrEqualTo(1);

        foreach (var (number, requestId, why) in new[] { (revokedNumber, revokedRequest, "the permit was revoked"), (expiredNumber, expiredRequest, "the permit expired") })
        {
            var request = await ReadAsync(await employer.GetAsync($"/api/v1/permits/{number}/extension-requests/{requestId}"), HttpStatusCode.OK);
            request.GetProperty("status").GetString().ShouldBe("closed", number);
            request.GetProperty("decisionReason").GetString().ShouldBe(why);
            request.GetProperty("overdue").GetBoolean().ShouldBeFalse();
            var queue = await karaganda.GetFromJsonAsync<JsonElement>("/api/v1/permits/requests?pageSize=500");
            queue.GetProperty("items").EnumerateArray().ShouldNotContain(i => i.GetProperty("id").GetGuid() == requestId);
            (await karaganda.PostAsync($"/api/v1/permits/{number}/extension-requests/{requestId}/approve", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        }
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_lapse_after_one_of_two_permits_was_revoked_cancels_only_the_other_and_releases_each_place_once(Provider provider)
    {
        var app = await apps.For(provider);
        await EnsureQuotaAsync(app);
        var start = (await LedgerAsync(app))!.Value;
        using var employer = await app.As(Demo.Employer);
        using var karaganda = await app.As(Demo.OfficerKaraganda);
        var submitted = await ReadAsync(await employer.PostAsJsonAsync("/api/v1/permit-applications", new
        {
            employerBin = Qonys.Web.Platform.Demo.DemoAccounts.DemoEmployerBin, regionCode = Region, category = Category, occupationCode = "1323",
            okedSection = "F", workerCount = 2, months = 12, monthlySalaryKzt = 5_000_000,
            vacancyPublishedOn = Today.AddDays(-30).ToString("yyyy-MM-dd"), workers = new[] { Worker(), Worker() },
        }), HttpStatusCode.Created);
        var id = submitted.GetProperty("id").GetGuid();
        var approved = await ReadAsync(await karaganda.PostAsync($"/api/v1/permit-applications/{id}/approve", null), HttpStatusCode.OK);
        var numbers = approved.GetProperty("permitNumbers").EnumerateArray().Select(n => n.GetString()!).ToList();
        numbers.Count.ShouldBe(2);
        var (revoked, waiting) = (numbers[0], numbers[1]);
        await ReadAsync(await karaganda.PostAsJsonAsync($"/api/v1/permits/{revoked}/revoke", new { reason = "the worker never arrived" }), HttpStatusCode.OK);
        var afterRevocation = (await LedgerAsync(app))!.Value;
        await app.WithDbAsync(db => db.Set<PermitApplication>().Where(a => a.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.FeeDueOn, Today.AddDays(-1))));

        var sweep = await SweepAsync(app, Today);

        sweep.ApprovalsLapsed.ShouldBeGreaterThanOrEqualTo(1);
        sweep.PermitsCancelled.ShouldBeGreaterThanOrEqualTo(1);
        (await CaseAsync(app, id)).GetProperty("status").GetString().ShouldBe("lapsed");
        (await PermitAsync(app, revoked)).GetProperty("status").GetString().ShouldBe("revoked");
        (await PermitAsync(app, waiting)).GetProperty("status").GetString().ShouldBe("cancelled");
        var end = (await LedgerAsync(app))!.Value;
        // Two places used on approval; one released by the revocation, the other by the lapse: none used, two released in all.
        Int(afterRevocation, "used").ShouldBe(Int(start, "used") + 1);
        Int(afterRevocation, "released").ShouldBe(Int(start, "released") + 1);
        Int(end, "used").ShouldBe(Int(start, "used"));
        Int(end, "released").ShouldBe(Int(start, "released") + 2);
        var cancels = History(await CaseAsync(app, id)).Where(h => h.GetProperty("action").GetString() == "cancel").ToList();
        cancels.Select(h => h.GetProperty("permitNumber").GetString()).ShouldBe([waiting]);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_household_permit_past_its_last_day_expires_in_the_sweep_and_frees_its_slot(Provider provider)
    {
        var app = await apps.For(provider);
        using var admin = await app.As(Demo.Admin);
        var iin = Demo.NewBin();
        var issued = await ReadAsync(await admin.PostAsJsonAsync("/api/v1/household-permits",
            new { employerIin = iin, regionCode = "KZ-35", months = 3, worker = Worker() }), HttpStatusCode.Created);
        var number = issued.GetProperty("number").GetString()!;
        var kept = await ReadAsync(await admin.PostAsJsonAsync("/api/v1/household-permits",
            new { employerIin = iin, regionCode = "KZ-35", months = 3, worker = Worker() }), HttpStatusCode.Created);
        await app.WithDbAsync(db => db.Set<HouseholdPermit>().Where(p => p.Number == number)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.ValidUntil, Today.AddDays(-1))));

        var sweep = await SweepAsync(app, Today);

        sweep.HouseholdPermitsExpired.ShouldBeGreaterThanOrEqualTo(1);
        (await ReadAsync(await admin.GetAsync($"/api/v1/household-permits/{number}"), HttpStatusCode.OK)).GetProperty("status").GetString().ShouldBe("expired");
        (await ReadAsync(await admin.GetAsync($"/api/v1/household-permits/{kept.GetProperty("number").GetString()}"), HttpStatusCode.OK))
            .GetProperty("status").GetString().ShouldBe("active");
        var slots = await app.WithDbAsync(db => db.Set<HouseholdPermit>().Where(p => p.EmployerIin == iin)
            .Select(p => new { p.Number, p.EmployerSlot }).ToListAsync());
        slots.Single(s => s.Number == number).EmployerSlot.ShouldBeNull();
        slots.Single(s => s.Number != number).EmployerSlot.ShouldNotBeNull();
        (await app.WithDbAsync(db => db.Set<AuditEntry>().Where(a => a.Type == "permits.household_permits_expired").Select(a => a.Data).ToListAsync()))
            .ShouldContain(d => d.Contains(number, StringComparison.Ordinal));
        (await SweepAsync(app, Today)).HouseholdPermitsExpired.ShouldBe(0);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_public_check_says_a_revoked_or_expired_permit_is_not_valid_and_shows_no_personal_data(Provider provider)
    {
        var app = await apps.For(provider);
        using var anonymous = app.Anonymous();
        using var karaganda = await app.As(Demo.OfficerKaraganda);
        var (_, revoked) = await ActivePermitAsync(app);
        var (_, expired) = await ActivePermitAsync(app);
        var lastDay = Today.AddDays(-1);

        var before = await ReadAsync(await anonymous.GetAsync($"/api/v1/public/permits/{revoked}/verify"), HttpStatusCode.OK);
        before.GetProperty("valid").GetBoolean().ShouldBeTrue();
        before.GetProperty("status").GetString().ShouldBe("active");

        await ReadAsync(await karaganda.PostAsJsonAsync($"/api/v1/permits/{revoked}/revoke", new { reason = "forged diploma" }), HttpStatusCode.OK);
        await SetValidUntilAsync(app, expired, lastDay);
        await SweepAsync(app, Today);

        foreach (var (number, status) in new[] { (revoked, "revoked"), (expired, "expired") })
        {
            var response = await anonymous.GetAsync($"/api/v1/public/permits/{number}/verify");
            var text = await response.Content.ReadAsStringAsync();
            var check = await ReadAsync(response, HttpStatusCode.OK);
            check.GetProperty("valid").GetBoolean().ShouldBeFalse(number);
            check.GetProperty("status").GetString().ShouldBe(status);
            check.GetProperty("category").GetString().ShouldBe(Category);
            check.GetProperty("employerName").GetString().ShouldNotBeNullOrWhiteSpace();
            // No personal data of the worker (API.md): the steps' worker is "Ли Вэй" with a passport starting "E".
            text.ShouldNotContain("Ли Вэй");
            check.EnumerateObject().Select(p => p.Name).ShouldNotContain(n => n.Contains("worker", StringComparison.OrdinalIgnoreCase) ||
                                                                              n.Contains("passport", StringComparison.OrdinalIgnoreCase));
        }
        (await ReadAsync(await anonymous.GetAsync($"/api/v1/public/permits/{expired}/verify"), HttpStatusCode.OK))
            .GetProperty("validUntil").GetString().ShouldBe(lastDay.ToString("yyyy-MM-dd"));
        (await anonymous.GetAsync("/api/v1/public/permits/NO-SUCH-PERMIT/verify")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
