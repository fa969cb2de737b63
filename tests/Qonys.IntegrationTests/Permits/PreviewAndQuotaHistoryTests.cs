using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qonys.Web.Modules.Permits.Domain;
using Qonys.Web.Modules.Permits.Quotas;
using Qonys.Web.Platform.Demo;
using static Qonys.IntegrationTests.Permits.LifecycleSteps;

namespace Qonys.IntegrationTests.Permits;

/// <summary>
/// The application preview (every check and the fee, nothing saved), the history of a quota cap's revisions, and the
/// auditor's filters over the audit log that show it.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed class PreviewAndQuotaHistoryTests(Apps apps)
{
    static object Application(long salary) => new
    {
        employerBin = DemoAccounts.DemoEmployerBin, regionCode = Region, category = Category, occupationCode = "1323", okedSection = "F",
        workerCount = 1, months = 12, monthlySalaryKzt = salary, vacancyPublishedOn = Today.AddDays(-30).ToString("yyyy-MM-dd"),
        workers = new[] { Worker() },
    };

    static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_preview_reports_every_check_and_the_fee_and_saves_nothing(Provider provider)
    {
        var app = await apps.For(provider);
        await EnsureQuotaAsync(app);
        var ledger = (await LedgerAsync(app))!.Value;
        Task<int> Applications() => app.WithDbAsync(db => db.Set<PermitApplication>().CountAsync(a => a.EmployerBin == DemoAccounts.DemoEmployerBin));
        var applications = await Applications();
        using var employer = await app.As(Demo.Employer);
        using var anonymous = app.Anonymous();
        var mci = (await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/reference/mci/{Today.Year}")).GetProperty("kzt").GetDecimal();

        var passing = await ReadAsync(await employer.PostAsJsonAsync("/api/v1/permit-applications/preview", Application(5_000_000)), HttpStatusCode.OK);
        var failing = await ReadAsync(await employer.PostAsJsonAsync("/api/v1/permit-applications/preview", Application(1_000)), HttpStatusCode.OK);
        var invalid = await ReadAsync(await employer.PostAsJsonAsync("/api/v1/permit-applications/preview", new { category = Category }), HttpStatusCode.BadRequest);

        // docs/rules.md lists nine checks; every one is reported, and for category 2 the ICT ones do not apply.
        var checks = passing.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("rule").GetString()!, c => c.GetProperty("outcome").GetString());
        checks.Keys.ShouldBe(["quota", "local_content", "ict_share", "ict_origin", "ict_term", "labour_market_test", "no_unresolved_offences",
            "salary_threshold", "qualification"], ignoreOrder: true);
        checks["ict_share"].ShouldBe("not_applicable");
        checks.Values.ShouldNotContain("failed");
        passing.GetProperty("wouldBeSubmitted").GetBoolean().ShouldBeTrue();
        passing.GetProperty("quotaYear").GetInt32().ShouldBe(Today.Year);
        // docs/reference-data.md (decree 157's table, kept for 2026 until decree 819's annex is loaded): category 2 in
        // sector group C (section F), 1 year: 198 MCI, at the MCI of the day.
        var fee = passing.GetProperty("fee");
        fee.GetProperty("mci").GetInt32().ShouldBe(198);
        fee.GetProperty("kzt").GetInt64().ShouldBe((long)(198 * mci));

        failing.GetProperty("wouldBeSubmitted").GetBoolean().ShouldBeFalse();
        failing.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("rule").GetString() == "salary_threshold")
            .GetProperty("outcome").GetString().ShouldBe("failed");
        invalid.GetProperty("errors").TryGetProperty("employerBin", out _).ShouldBeTrue(invalid.ToString());

        (await Applications()).ShouldBe(applications);
        var after = (await LedgerAsync(app))!.Value;
        (Int(after, "reserved"), Int(after, "used"), Int(after, "cap")).ShouldBe((Int(ledger, "reserved"), Int(ledger, "used"), Int(ledger, "cap")));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Every_cap_revision_is_kept_with_its_reason_and_the_audit_filters_find_them(Provider provider)
    {
        var app = await apps.For(provider);
        using var admin = await app.As(Demo.Admin);
        using var auditor = await app.As(Demo.Auditor);
        // A quota row of its own: a year no other test uses, so its history is this test's alone.
        const int year = 2099;
        const string region = "KZ-35";
        var url = $"/api/v1/quotas/{year}/{region}/3";
        (await app.WithDbAsync(db => db.Set<QuotaRevision>().CountAsync(r => r.Year == year))).ShouldBe(0, "2099 is this test's year");

        await ReadAsync(await admin.PutAsJsonAsync(url, new { cap = 100, reason = "first cap" }), HttpStatusCode.OK);
        await ReadAsync(await admin.PutAsJsonAsync(url, new { cap = 140, reason = "raised for the mining season" }), HttpStatusCode.OK);
        await ReadAsync(await admin.PutAsJsonAsync(url, new { cap = 120, reason = "lowered after review" }), HttpStatusCode.OK);
        await ReadAsync(await admin.PutAsJsonAsync(url, new { cap = 90 }), HttpStatusCode.BadRequest);

        // The revisions the quota book keeps (no API lists them: the history is read through the audit log below).
        var history = await app.WithDbAsync(db => db.Set<QuotaRevision>().AsNoTracking()
            .Where(r => r.Year == year && r.RegionCode == region && r.Category == "3").OrderBy(r => r.Id).ToListAsync());
        // The first cap of a row that did not exist is recorded as a change from 0.
        history.Select(r => (r.OldCap, r.NewCap, r.Reason)).ShouldBe(
            [(0, 100, "first cap"), (100, 140, "raised for the mining season"), (140, 120, "lowered after review")]);
        history.Select(r => r.At).ShouldBe(history.Select(r => r.At).Order());
        var row = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/quotas?year={year}&regionCode={region}&category=3"))[0];
        row.GetProperty("cap").GetInt32().ShouldBe(120);

        // The auditor's filters: by entity type and id the three revisions, newest first; paging walks them one by one.
        var entityId = Uri.EscapeDataString($"{year}/{region}/3");
        var page = await ReadAsync(await auditor.GetAsync($"/api/v1/audit/entries?entityType=quota&entityId={entityId}&pageSize=500"), HttpStatusCode.OK);
        var entries = page.GetProperty("items").EnumerateArray().ToList();
        page.GetProperty("total").GetInt32().ShouldBe(entries.Count);
        entries.Count.ShouldBe(3);
        entries.ShouldAllBe(e => e.GetProperty("entityType").GetString() == "quota" && e.GetProperty("entityId").GetString() == $"{year}/{region}/3" &&
                                 e.GetProperty("type").GetString() == "permits.quota_revised");
        var newCaps = entries.Select(e => JsonDocument.Parse(e.GetProperty("data").GetString()!).RootElement.GetProperty("newCap").GetInt32()).ToList();
        newCaps.ShouldBe([120, 140, 100]);
        var second = await ReadAsync(await auditor.GetAsync($"/api/v1/audit/entries?entityType=quota&entityId={entityId}&pageSize=1&page=2"), HttpStatusCode.OK);
        second.GetProperty("page").GetInt32().ShouldBe(2);
        second.GetProperty("pageSize").GetInt32().ShouldBe(1);
        second.GetProperty("total").GetInt32().ShouldBe(3);
        second.GetProperty("items").EnumerateArray().Single().GetProperty("hash").GetString().ShouldBe(entries[1].GetProperty("hash").GetString());
        var byType = await ReadAsync(await auditor.GetAsync("/api/v1/audit/entries?entityType=quota&pageSize=500"), HttpStatusCode.OK);
        byType.GetProperty("total").GetInt32().ShouldBeGreaterThanOrEqualTo(3);
        byType.GetProperty("items").EnumerateArray().ShouldAllBe(e => e.GetProperty("entityType").GetString() == "quota");
        var none = await ReadAsync(await auditor.GetAsync($"/api/v1/audit/entries?entityType=permit&entityId={entityId}"), HttpStatusCode.OK);
        none.GetProperty("total").GetInt32().ShouldBe(0);
        var all = await ReadAsync(await auditor.GetAsync("/api/v1/audit/entries?pageSize=1"), HttpStatusCode.OK);
        all.GetProperty("total").GetInt32().ShouldBeGreaterThan(byType.GetProperty("total").GetInt32());
    }
}
