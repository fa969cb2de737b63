using Microsoft.EntityFrameworkCore;
using Qonys.IntegrationTests.Permits;
using Qonys.IntegrationTests.Platform;
using Qonys.IntegrationTests.Selection;
using Qonys.Web.Platform.Audit;
using static Qonys.IntegrationTests.Permits.LifecycleSteps;
using static Qonys.IntegrationTests.Platform.PlatformTestKit;

namespace Qonys.IntegrationTests.Security;

/// <summary>
/// Issue 11, points 1–4 (privacy and access), each with the request that showed it: household permits were read by
/// analysts, officers and inspectors (<c>GET /api/v1/household-permits?pageSize=500</c> → 200, national); list reads of
/// personal data wrote no audit entry; the analyst saw replacement workers' passports and birth dates and downloaded
/// certificates; two routes answered 403 where a record out of reach is 404; docs/api.md and the code disagreed on who
/// may call routes.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed class PrivacyAndAccessTests(Apps apps)
{
    static object HouseholdApplication(string passport) => new { regionCode = Region, months = 3, worker = Worker(passport) };

    static Task<List<AuditEntry>> AuditAsync(TestApp app, string type, Guid? actor = null) =>
        app.WithDbAsync(db => db.Set<AuditEntry>().AsNoTracking().Where(e => e.Type == type && (actor == null || e.ActorId == actor))
            .OrderBy(e => e.At).ThenBy(e => e.Seq).ToListAsync());

    /// <summary>Point 1: who reads household permits, through the list and one by one.</summary>
    [Theory, OnSqlite, OnPostgres]
    public async Task Household_permits_are_read_only_by_their_household_employer_the_administrator_and_one_by_one_the_regions_inspector(Provider provider)
    {
        var app = await apps.For(provider);
        var (iin, email) = await LifecycleHouseholdTests.HouseholdEmployerAsync(app);
        var (_, otherEmail) = await LifecycleHouseholdTests.HouseholdEmployerAsync(app);
        using var citizen = await app.As(email);
        using var other = await app.As(otherEmail);
        var passport = "P" + Random.Shared.Next(10_000_000, 99_999_999);
        var number = (await PermitScenario.ReadAsync(await citizen.PostAsJsonAsync("/api/v1/household-permits", HouseholdApplication(passport)),
            HttpStatusCode.Created)).GetProperty("number").GetString()!;

        // The request of the issue: the analyst (and the officer, and the inspector) listing every household permit.
        foreach (var who in new[] { Demo.Analyst, Demo.OfficerKaraganda, Demo.InspectorKaraganda })
        {
            using var client = await app.As(who);
            await (await client.GetAsync("/api/v1/household-permits?pageSize=500")).ShouldBeProblem(HttpStatusCode.Forbidden);
        }
        // One by one: analysts and officers not at all; the inspector of the permit's region (an inspection), no one else's.
        using (var analyst = await app.As(Demo.Analyst))
            await (await analyst.GetAsync($"/api/v1/household-permits/{number}")).ShouldBeProblem(HttpStatusCode.Forbidden);
        using (var officer = await app.As(Demo.OfficerKaraganda))
            await (await officer.GetAsync($"/api/v1/household-permits/{number}")).ShouldBeProblem(HttpStatusCode.Forbidden);
        using (var inspector = await app.As(Demo.InspectorKaraganda))
        {
            var read = await PermitScenario.ReadAsync(await inspector.GetAsync($"/api/v1/household-permits/{number}"), HttpStatusCode.OK);
            read.GetProperty("workerPassportNumber").GetString().ShouldBe(passport);
        }
        var (_, elsewhere, password) = await app.CreateUserAsync(Qonys.Web.Platform.Auth.Roles.Inspector); // no region: reaches none
        using (var inspector = await app.WithTokenAsync(elsewhere, password))
            await (await inspector.GetAsync($"/api/v1/household-permits/{number}")).ShouldBeProblem(HttpStatusCode.NotFound);

        // The household employer lists its own and no one else's; another household employer gets 404 for it.
        var own = await citizen.GetFromJsonAsync<JsonElement>("/api/v1/household-permits?pageSize=500");
        own.GetProperty("items").EnumerateArray().ShouldAllBe(p => p.GetProperty("employerIin").GetString() == iin);
        own.GetProperty("items").EnumerateArray().ShouldContain(p => p.GetProperty("number").GetString() == number);
        (await other.GetFromJsonAsync<JsonElement>("/api/v1/household-permits?pageSize=500")).GetProperty("items").EnumerateArray()
            .ShouldNotContain(p => p.GetProperty("number").GetString() == number);
        await (await other.GetAsync($"/api/v1/household-permits/{number}")).ShouldBeProblem(HttpStatusCode.NotFound);
        using var admin = await app.As(Demo.Admin);
        (await admin.GetAsync($"/api/v1/household-permits/{number}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>Point 2: 0 audit entries after reading 500 household permits; now one per list read, naming them.</summary>
    [Theory, OnSqlite, OnPostgres]
    public async Task A_list_read_of_personal_data_is_one_audit_entry_naming_every_record_shown(Provider provider)
    {
        var app = await apps.For(provider);
        var (_, email) = await LifecycleHouseholdTests.HouseholdEmployerAsync(app);
        using var citizen = await app.As(email);
        for (var i = 0; i < 2; i++)
            (await citizen.PostAsJsonAsync("/api/v1/household-permits", HouseholdApplication("Q" + Random.Shared.Next(10_000_000, 99_999_999))))
                .StatusCode.ShouldBe(HttpStatusCode.Created);
        using var admin = await app.As(Demo.Admin);
        var adminId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == Demo.Admin).Select(u => u.Id).FirstAsync());
        var before = (await AuditAsync(app, "permits.household_permits_listed", adminId)).Count;

        var list = await admin.GetFromJsonAsync<JsonElement>("/api/v1/household-permits?pageSize=500");
        var shown = list.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("number").GetString()!).ToList();
        shown.Count.ShouldBeGreaterThanOrEqualTo(2);

        var entries = await AuditAsync(app, "permits.household_permits_listed", adminId);
        entries.Count.ShouldBe(before + 1);
        var entry = entries[^1];
        entry.Kind.ShouldBe(nameof(AuditKind.PersonalDataRead));
        var data = JsonDocument.Parse(entry.Data).RootElement;
        data.GetProperty("records").EnumerateArray().Select(r => r.GetString()!).ShouldBe(shown);
        data.GetProperty("total").GetInt32().ShouldBe(list.GetProperty("total").GetInt32());
        data.GetProperty("query").GetProperty("pageSize").GetInt32().ShouldBe(500);

        // A single read stays one entry naming the permit.
        (await admin.GetAsync($"/api/v1/household-permits/{shown[0]}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await AuditAsync(app, "permits.household_permit_read", adminId)).ShouldContain(e => e.EntityId == shown[0]);
    }

    /// <summary>
    /// Point 3: the analyst read the replacement worker's passport number and birth date in the request queue and the
    /// request, and downloaded the certificate. Now: a stable pseudonym (the same in both), no identifier, no certificate.
    /// </summary>
    [Theory, OnSqlite, OnPostgres]
    public async Task The_analyst_sees_replacement_workers_only_as_a_stable_pseudonym_and_gets_no_certificate(Provider provider)
    {
        var app = await apps.For(provider);
        var (_, number) = await ActivePermitAsync(app);
        using var employer = await app.As(Demo.Employer);
        var passport = "R" + Random.Shared.Next(10_000_000, 99_999_999);
        var request = await PermitScenario.ReadAsync(await employer.PostAsJsonAsync($"/api/v1/permits/{number}/replacement",
            new { worker = Worker(passport), reason = "the worker resigned" }), HttpStatusCode.Created);
        var id = request.GetProperty("id").GetString()!;
        using var analyst = await app.As(Demo.Analyst);

        var queueText = await (await analyst.GetAsync("/api/v1/permits/requests?kind=replacement&pageSize=500")).Content.ReadAsStringAsync();
        var one = await analyst.GetAsync($"/api/v1/permits/{number}/replacement/{id}");
        var oneText = await one.Content.ReadAsStringAsync();
        one.StatusCode.ShouldBe(HttpStatusCode.OK, oneText);
        foreach (var text in new[] { queueText, oneText })
        {
            text.ShouldNotContain(passport);
            text.ShouldNotContain("1990-05-01"); // the worker's birth date
            text.ShouldNotContain("Ли Вэй"); // the worker's name
        }
        var read = JsonDocument.Parse(oneText).RootElement;
        read.GetProperty("worker").ValueKind.ShouldBe(JsonValueKind.Null);
        var pseudonym = read.GetProperty("pseudonymousWorker").GetProperty("pseudonym").GetString()!;
        pseudonym.ShouldStartWith("ps-");
        var listed = JsonDocument.Parse(queueText).RootElement.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("id").GetString() == id);
        listed.GetProperty("pseudonymousWorker").GetProperty("pseudonym").GetString().ShouldBe(pseudonym);
        (await analyst.GetFromJsonAsync<JsonElement>($"/api/v1/permits/{number}/replacement/{id}"))
            .GetProperty("pseudonymousWorker").GetProperty("pseudonym").GetString().ShouldBe(pseudonym);

        // The officer deciding it sees the worker; the certificate is not the analyst's.
        using var officer = await app.As(Demo.OfficerKaraganda);
        var decided = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/permits/{number}/replacement/{id}");
        decided.GetProperty("worker").GetProperty("passportNumber").GetString().ShouldBe(passport);
        decided.GetProperty("pseudonymousWorker").ValueKind.ShouldBe(JsonValueKind.Null);
        await (await analyst.GetAsync($"/api/v1/permits/{number}/certificate.pdf")).ShouldBeProblem(HttpStatusCode.Forbidden);
        (await employer.GetAsync($"/api/v1/permits/{number}/certificate.pdf")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Both reads named the replacement in the audit log.
        var analystId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == Demo.Analyst).Select(u => u.Id).FirstAsync());
        (await AuditAsync(app, "permits.change_request_read", analystId)).ShouldContain(e => e.EntityId == id);
        (await AuditAsync(app, "permits.change_requests_listed", analystId)).ShouldContain(e => e.Data.Contains(id));
    }

    /// <summary>
    /// Point 3, every list: no GET route without path parameters that the analyst may call (from docs/api.md's table, which
    /// is the code's) shows a worker's passport number or a household employer's IIN, even with the largest page.
    /// </summary>
    [Theory, OnSqlite, OnPostgres]
    public async Task No_list_the_analyst_may_call_shows_a_passport_number_or_an_iin(Provider provider)
    {
        var app = await apps.For(provider);
        var (iin, email) = await LifecycleHouseholdTests.HouseholdEmployerAsync(app);
        using var citizen = await app.As(email);
        var householdPassport = "H" + Random.Shared.Next(10_000_000, 99_999_999);
        (await citizen.PostAsJsonAsync("/api/v1/household-permits", HouseholdApplication(householdPassport))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var (_, number) = await ActivePermitAsync(app);
        using var employer = await app.As(Demo.Employer);
        var replacementPassport = "W" + Random.Shared.Next(10_000_000, 99_999_999);
        (await employer.PostAsJsonAsync($"/api/v1/permits/{number}/replacement", new { worker = Worker(replacementPassport), reason = "resigned" }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);

        var lists = WhoMayCallIt.FromDocs().Entries
            .Where(e => e.Route.StartsWith("GET ", StringComparison.Ordinal) && !e.Route.Contains('{') && e.Roles?.Contains(Qonys.Web.Platform.Auth.Roles.Analyst) == true)
            .Select(e => e.Route[4..]).ToList();
        lists.ShouldContain("/api/v1/permits/requests");
        using var analyst = await app.As(Demo.Analyst);
        var leaks = new List<string>();
        foreach (var path in lists)
        {
            var text = await (await analyst.GetAsync(path + "?pageSize=500")).Content.ReadAsStringAsync();
            foreach (var secret in new[] { householdPassport, replacementPassport, iin })
                if (text.Contains(secret, StringComparison.Ordinal)) leaks.Add($"{path} shows {secret}");
        }
        leaks.ShouldBeEmpty();
    }

    /// <summary>Point 4: records out of reach are 404, not 403, on the two routes that answered 403.</summary>
    [Theory, OnSqlite, OnPostgres]
    public async Task An_ata_zholy_application_or_a_notification_that_is_not_the_callers_is_404(Provider provider)
    {
        var app = await apps.For(provider);
        var s = new SelectionScenario(app);
        using var migrant = await s.NewMigrantAsync();
        var applied = await PermitScenario.ReadAsync(await migrant.PostAsJsonAsync("/api/v1/ata-zholy/applications",
            new { fullName = "A", birthDate = "1985-02-03", citizenship = "TR", profession = "physician" }), HttpStatusCode.Created);
        var id = applied.GetProperty("id").GetString()!;
        foreach (var who in new[] { Demo.Employer, Demo.Analyst, Demo.InspectorKaraganda })
        {
            using var client = await app.As(who);
            await (await client.GetAsync($"/api/v1/ata-zholy/applications/{id}")).ShouldBeProblem(HttpStatusCode.NotFound);
            await (await client.GetAsync($"/api/v1/ata-zholy/applications/{Guid.NewGuid()}")).ShouldBeProblem(HttpStatusCode.NotFound);
        }
        using (var admin = await app.As(Demo.Admin))
            (await admin.GetAsync($"/api/v1/ata-zholy/applications/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Someone's notification, marked read by another person: 404, and still unread (machines have no inbox: 403, IntegrationClientTests).
        var (_, email) = await LifecycleHouseholdTests.HouseholdEmployerAsync(app);
        using var citizen = await app.As(email);
        (await citizen.PostAsJsonAsync("/api/v1/household-permits", HouseholdApplication("S" + Random.Shared.Next(10_000_000, 99_999_999))))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        var notification = await app.WithDbAsync(db => db.Set<Qonys.Web.Platform.Notifications.Notification>().AsNoTracking()
            .Where(n => n.Channel == Qonys.Web.Platform.Notifications.NotificationChannels.InApp && n.ReadAt == null)
            .OrderByDescending(n => n.CreatedAt).Select(n => n.Id).FirstAsync());
        using (var analyst = await app.As(Demo.Analyst))
            await (await analyst.PostAsync($"/api/v1/notifications/{notification}/read", null)).ShouldBeProblem(HttpStatusCode.NotFound);
        (await app.WithDbAsync(db => db.Set<Qonys.Web.Platform.Notifications.Notification>().AsNoTracking()
            .Where(n => n.Id == notification).Select(n => n.ReadAt).FirstAsync())).ShouldBeNull();
    }

    /// <summary>
    /// Point 4: docs/api.md's "who may call it" table is the code's — written from the app's OpenAPI document and each
    /// endpoint's permissions. Run with QONYS_WRITE_DOCS=1 to write the table after changing who may call a route.
    /// </summary>
    [Theory, OnSqlite]
    public async Task Docs_api_md_says_who_may_call_each_route_as_the_code_does(Provider provider)
    {
        var app = await apps.For(provider);
        var generated = WhoMayCallIt.Markdown(await WhoMayCallIt.FromCodeAsync(app));
        if (Environment.GetEnvironmentVariable("QONYS_WRITE_DOCS") == "1") WhoMayCallIt.WriteDocs(generated);
        WhoMayCallIt.FromDocs().Markdown.ShouldBe(generated,
            "docs/api.md's table differs from the code; if the code is right, run this test with QONYS_WRITE_DOCS=1 to write it");
    }
}
