using static Qonys.IntegrationTests.Permits.PermitScenario;

namespace Qonys.IntegrationTests.Permits;

[Collection(AppsCollection.Name)]
public sealed class PermitApplicationsApiTests(Apps apps)
{
    const string DemoBin = "990340001230";

    [Theory, OnSqlite, OnPostgres]
    public async Task Submit_approve_pay_and_verify_moves_the_quota_from_reserved_to_used(Provider provider)
    {
        var app = await apps.For(provider);
        var s = new PermitScenario(app);
        var (region, category) = await s.ClaimQuotaRowAsync("KZ-35"); // decided by the Karaganda officer
        await s.SetAvailableAsync(region, category, 5);
        var before = await s.QuotaAsync(region, category);
        using var employer = await app.As(Demo.Employer);
        using var officer = await app.As(Demo.OfficerKaraganda);

        var submitted = await ReadAsync(await employer.PostAsJsonAsync("/api/v1/permit-applications", Application(DemoBin, region, category, workers: 2)),
            HttpStatusCode.Created);
        submitted.GetProperty("status").GetString().ShouldBe("submitted");
        submitted.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("rule").GetString())
            .ShouldContain("local_content");
        submitted.GetProperty("fee").GetProperty("mci").GetInt32().ShouldBeGreaterThan(0);
        var id = submitted.GetProperty("id").GetString();
        var reserved = await s.QuotaAsync(region, category);
        reserved.GetProperty("reserved").GetInt32().ShouldBe(before.GetProperty("reserved").GetInt32() + 2);

        var approved = await ReadAsync(await officer.PostAsync($"/api/v1/permit-applications/{id}/approve", null), HttpStatusCode.OK);
        approved.GetProperty("status").GetString().ShouldBe("approved");
        var permits = approved.GetProperty("permitNumbers").EnumerateArray().Select(p => p.GetString()!).ToList();
        permits.Count.ShouldBe(2);
        var used = await s.QuotaAsync(region, category);
        used.GetProperty("reserved").GetInt32().ShouldBe(before.GetProperty("reserved").GetInt32());
        used.GetProperty("used").GetInt32().ShouldBe(before.GetProperty("used").GetInt32() + 2);

        using var anonymous = app.Anonymous();
        var unpaid = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/public/permits/{permits[0]}/verify");
        unpaid.GetProperty("valid").GetBoolean().ShouldBeFalse();

        // The employer cannot mark its fee paid: only the payment gateway's payment_received event does.
        (await employer.PostAsync($"/api/v1/permit-applications/{id}/pay-fee", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await Integration.InboundEvents.PayFeeAsync(app, Guid.Parse(id!));
        (await employer.GetFromJsonAsync<JsonElement>($"/api/v1/permit-applications/{id}")).GetProperty("status").GetString().ShouldBe("fee_paid");
        var verified = await ReadAsync(await anonymous.GetAsync($"/api/v1/public/permits/{permits[0]}/verify"), HttpStatusCode.OK);
        verified.GetProperty("valid").GetBoolean().ShouldBeTrue();
        verified.GetProperty("category").GetString().ShouldBe(category);
        var publicText = verified.GetRawText();
        publicText.ShouldNotContain("Test Worker");
        publicText.ShouldNotContain("passport", Case.Insensitive);

        var history = (await employer.GetFromJsonAsync<JsonElement>($"/api/v1/permit-applications/{id}")).GetProperty("history");
        history.EnumerateArray().Select(h => h.GetProperty("action").GetString()).ShouldBe(["submit", "approve", "pay_fee"]);
        history[1].GetProperty("actorRole").GetString().ShouldBe("Officer");
        history[2].GetProperty("actorRole").GetString().ShouldBe("IntegrationClient");
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_quota_that_cannot_hold_the_workers_refuses_the_application_with_422_and_creates_nothing(Provider provider)
    {
        var app = await apps.For(provider);
        var s = new PermitScenario(app);
        var (region, category) = await s.ClaimQuotaRowAsync();
        await s.SetAvailableAsync(region, category, 1);
        var before = await s.QuotaAsync(region, category);
        using var employer = await app.As(Demo.Employer);
        var countBefore = (await employer.GetFromJsonAsync<JsonElement>($"/api/v1/permits?employerBin={DemoBin}")).GetProperty("total").GetInt32();

        var problem = await ReadAsync(await employer.PostAsJsonAsync("/api/v1/permit-applications", Application(DemoBin, region, category, workers: 2)),
            (HttpStatusCode)422);

        problem.GetProperty("rule").GetString().ShouldBe("quota");
        var after = await s.QuotaAsync(region, category);
        after.GetProperty("reserved").GetInt32().ShouldBe(before.GetProperty("reserved").GetInt32());
        (await employer.GetFromJsonAsync<JsonElement>($"/api/v1/permits?employerBin={DemoBin}")).GetProperty("total").GetInt32().ShouldBe(countBefore);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_failed_check_gives_checks_failed_and_reserves_nothing_then_rejection_needs_a_reason(Provider provider)
    {
        var app = await apps.For(provider);
        var s = new PermitScenario(app);
        var (region, category) = await s.ClaimQuotaRowAsync("KZ-35"); // decided by the Karaganda officer
        await s.SetAvailableAsync(region, category, 3);
        var before = await s.QuotaAsync(region, category);
        using var employer = await app.As(Demo.Employer);
        using var officer = await app.As(Demo.OfficerKaraganda);

        var submitted = await ReadAsync(await employer.PostAsJsonAsync("/api/v1/permit-applications",
            Application(DemoBin, region, category, vacancyDaysAgo: 14)), HttpStatusCode.Created);

        submitted.GetProperty("status").GetString().ShouldBe("checks_failed");
        var lmt = submitted.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("rule").GetString() == "labour_market_test");
        lmt.GetProperty("outcome").GetString().ShouldBe("failed");
        lmt.GetProperty("detail").GetString()!.ShouldContain("14 days");
        (await s.QuotaAsync(region, category)).GetProperty("reserved").GetInt32().ShouldBe(before.GetProperty("reserved").GetInt32());
        var id = submitted.GetProperty("id").GetString();

        (await officer.PostAsync($"/api/v1/permit-applications/{id}/approve", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var noReason = await ReadAsync(await officer.PostAsJsonAsync($"/api/v1/permit-applications/{id}/reject", new { reason = " " }),
            HttpStatusCode.BadRequest);
        noReason.GetProperty("errors").TryGetProperty("reason", out _).ShouldBeTrue();
        var rejected = await ReadAsync(await officer.PostAsJsonAsync($"/api/v1/permit-applications/{id}/reject",
            new { reason = "vacancy not published long enough" }), HttpStatusCode.OK);
        rejected.GetProperty("status").GetString().ShouldBe("rejected");
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Rejection_and_withdrawal_release_the_reservation(Provider provider)
    {
        var app = await apps.For(provider);
        var s = new PermitScenario(app);
        var (region, category) = await s.ClaimQuotaRowAsync("KZ-35"); // decided by the Karaganda officer
        await s.SetAvailableAsync(region, category, 4);
        var before = await s.QuotaAsync(region, category);
        using var employer = await app.As(Demo.Employer);
        using var officer = await app.As(Demo.OfficerKaraganda);

        var a = await ReadAsync(await employer.PostAsJsonAsync("/api/v1/permit-applications", Application(DemoBin, region, category, workers: 2)), HttpStatusCode.Created);
        var b = await ReadAsync(await employer.PostAsJsonAsync("/api/v1/permit-applications", Application(DemoBin, region, category, workers: 2)), HttpStatusCode.Created);
        (await s.QuotaAsync(region, category)).GetProperty("available").GetInt32().ShouldBe(0);

        await ReadAsync(await officer.PostAsJsonAsync($"/api/v1/permit-applications/{a.GetProperty("id")}/reject", new { reason = "duplicate" }), HttpStatusCode.OK);
        var withdrawn = await ReadAsync(await employer.PostAsJsonAsync($"/api/v1/permit-applications/{b.GetProperty("id")}/withdraw", new { }), HttpStatusCode.OK);
        withdrawn.GetProperty("status").GetString().ShouldBe("withdrawn");

        var after = await s.QuotaAsync(region, category);
        after.GetProperty("available").GetInt32().ShouldBe(4);
        after.GetProperty("released").GetInt32().ShouldBe(before.GetProperty("released").GetInt32() + 4);
        (await officer.PostAsync($"/api/v1/permit-applications/{b.GetProperty("id")}/approve", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Roles_see_and_decide_only_within_their_scope(Provider provider)
    {
        var app = await apps.For(provider);
        var s = new PermitScenario(app);
        var (region, category) = await s.ClaimQuotaRowAsync("KZ-35"); // decided by the Karaganda officer
        await s.SetAvailableAsync(region, category, 2);
        var otherBin = await s.NewEmployerAsync(region);
        using var admin = await app.As(Demo.Admin);
        using var employer = await app.As(Demo.Employer);
        using var astana = await app.As(Demo.OfficerAstana);
        using var karaganda = await app.As(Demo.OfficerKaraganda);
        using var analyst = await app.As(Demo.Analyst);

        var other = await ReadAsync(await admin.PostAsJsonAsync("/api/v1/permit-applications", Application(otherBin, region, category)), HttpStatusCode.Created);
        var id = other.GetProperty("id").GetString();

        (await employer.GetAsync($"/api/v1/permit-applications/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);       // another employer's case
        (await employer.PostAsync($"/api/v1/permit-applications/{id}/withdraw", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await astana.GetAsync($"/api/v1/permit-applications/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);          // another region
        (await astana.PostAsync($"/api/v1/permit-applications/{id}/approve", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await employer.PostAsync($"/api/v1/permit-applications/{id}/approve", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden); // no permission
        (await analyst.GetAsync($"/api/v1/permit-applications/{id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await employer.PostAsJsonAsync("/api/v1/permit-applications", Application(otherBin, region, category)))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);                                                                     // applying for another BIN
        (await astana.PostAsJsonAsync("/api/v1/permit-applications", Application(otherBin, region, category)))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);                                                                     // officer of another region
        (await karaganda.PostAsync($"/api/v1/permit-applications/{id}/approve", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Bad_input_is_a_400_naming_each_field(Provider provider)
    {
        var app = await apps.For(provider);
        using var employer = await app.As(Demo.Employer);
        var body = new
        {
            employerBin = DemoBin, regionCode = "KZ-99", category = "5", occupationCode = "2142", okedSection = "F", workerCount = 0,
            months = 12, monthlySalaryKzt = -1, workers = Array.Empty<object>(),
        };

        var problem = await ReadAsync(await employer.PostAsJsonAsync("/api/v1/permit-applications", body), HttpStatusCode.BadRequest);

        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "regionCode", "category", "workerCount", "monthlySalaryKzt", "workers" })
            errors.TryGetProperty(field, out _).ShouldBeTrue(field);
        var wrongType = await ReadAsync(await employer.PostAsync("/api/v1/permit-applications",
            new StringContent("""{"employerBin":"990340001230","workerCount":"two"}""", System.Text.Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);
        wrongType.GetProperty("errors").TryGetProperty("workerCount", out _).ShouldBeTrue();
        var missingWorkerField = await ReadAsync(await employer.PostAsJsonAsync("/api/v1/permit-applications", new
        {
            employerBin = DemoBin, regionCode = "KZ-35", category = "3", occupationCode = "2142", okedSection = "F", workerCount = 1, months = 12,
            monthlySalaryKzt = 500000, workers = new[] { new { fullName = "X Y", passportNumber = "N1234567", citizenship = "CN", education = "phd" } },
        }), HttpStatusCode.BadRequest);
        missingWorkerField.GetProperty("errors").TryGetProperty("workers[0].birthDate", out _).ShouldBeTrue();
        missingWorkerField.GetProperty("errors").TryGetProperty("workers[0].education", out _).ShouldBeTrue();
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task An_idempotency_key_submits_once_and_concurrent_approvals_give_one_success(Provider provider)
    {
        var app = await apps.For(provider);
        var s = new PermitScenario(app);
        var (region, category) = await s.ClaimQuotaRowAsync("KZ-71"); // decided by the Astana officer
        await s.SetAvailableAsync(region, category, 3);
        using var employer = await app.As(Demo.Employer);
        var key = Guid.NewGuid().ToString();
        var body = Application(DemoBin, region, category);

        var first = await employer.SendAsync(Post("/api/v1/permit-applications", body, key));
        var second = await employer.SendAsync(Post("/api/v1/permit-applications", body, key));

        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await second.Content.ReadAsStringAsync()).ShouldBe(await first.Content.ReadAsStringAsync());
        (await s.QuotaAsync(region, category)).GetProperty("available").GetInt32().ShouldBe(2);

        var id = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var officers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => app.As(Demo.OfficerAstana)));
        var answers = await Task.WhenAll(officers.Select(o => o.PostAsync($"/api/v1/permit-applications/{id}/approve", null)));
        answers.Count(a => a.StatusCode == HttpStatusCode.OK).ShouldBe(1);
        answers.Count(a => a.StatusCode == HttpStatusCode.Conflict).ShouldBe(5);
        var quota = await s.QuotaAsync(region, category);
        quota.GetProperty("available").GetInt32().ShouldBe(2);
        foreach (var o in officers) o.Dispose();
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_cap_below_reserved_and_used_is_refused_and_a_reason_is_required(Provider provider)
    {
        var app = await apps.For(provider);
        var s = new PermitScenario(app);
        var (region, category) = await s.ClaimQuotaRowAsync();
        await s.SetAvailableAsync(region, category, 2);
        using var employer = await app.As(Demo.Employer);
        using var admin = await app.As(Demo.Admin);
        await ReadAsync(await employer.PostAsJsonAsync("/api/v1/permit-applications", Application(DemoBin, region, category)), HttpStatusCode.Created);
        var row = await s.QuotaAsync(region, category);
        var committed = row.GetProperty("reserved").GetInt32() + row.GetProperty("used").GetInt32();

        var below = await ReadAsync(await admin.PutAsJsonAsync($"/api/v1/quotas/{s.Year}/{region}/{category}", new { cap = committed - 1, reason = "cut" }),
            (HttpStatusCode)422);
        below.GetProperty("rule").GetString().ShouldBe("quota_below_commitments");
        (await admin.PutAsJsonAsync($"/api/v1/quotas/{s.Year}/{region}/{category}", new { cap = committed })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var exact = await ReadAsync(await admin.PutAsJsonAsync($"/api/v1/quotas/{s.Year}/{region}/{category}", new { cap = committed, reason = "in-year revision" }),
            HttpStatusCode.OK);
        exact.GetProperty("available").GetInt32().ShouldBe(0);
        using var analyst = await app.As(Demo.Analyst);
        (await analyst.PutAsJsonAsync($"/api/v1/quotas/{s.Year}/{region}/{category}", new { cap = 999, reason = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
