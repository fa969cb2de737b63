using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Qonys.Web.Modules.Permits.Domain;
using static Qonys.IntegrationTests.Permits.LifecycleSteps;

namespace Qonys.IntegrationTests.Permits;

/// <summary>
/// The API and the pages ask the same access rule and the same work queue: for every demo role, a case the API shows
/// is the case the page shows (with the same actions), one the API hides the page hides, and the /permits/queue page
/// lists exactly the waiting applications of the API's queue, with the same overdue flags.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed partial class AccessParityTests(Apps apps)
{
    static readonly string[] Accounts =
    [
        Demo.Admin, Demo.Analyst, Demo.Auditor, Demo.OfficerKaraganda, Demo.OfficerAstana, Demo.InspectorKaraganda, Demo.Employer,
        Demo.Applicant,
    ];

    [Theory, OnSqlite, OnPostgres]
    public async Task The_case_page_and_the_API_show_a_case_to_the_same_roles_with_the_same_actions(Provider provider)
    {
        var app = await apps.For(provider);
        var id = await SubmitAsync(app);
        var shownBy = new List<string>();
        foreach (var account in Accounts)
        {
            using var client = await app.As(account);
            var api = await client.GetAsync($"/api/v1/permit-applications/{id}");
            var page = await client.GetAsync($"/permits/applications/{id}");
            (page.StatusCode == HttpStatusCode.OK).ShouldBe(api.StatusCode == HttpStatusCode.OK, $"{account}: API {api.StatusCode}, page {page.StatusCode}");
            if (api.StatusCode != HttpStatusCode.OK) continue;
            shownBy.Add(account);
            var next = (await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("nextActions").EnumerateArray().Select(a => a.GetString()!);
            var forms = ActionForm().Matches(await page.Content.ReadAsStringAsync()).Select(m => m.Groups[1].Value);
            forms.Order(StringComparer.Ordinal).ShouldBe(next.Order(StringComparer.Ordinal), account);
        }
        // The table of docs/api.md: administrators, the region's officer and inspector, the employer of the case.
        shownBy.ShouldBe([Demo.Admin, Demo.OfficerKaraganda, Demo.InspectorKaraganda, Demo.Employer]);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_queue_page_lists_the_waiting_applications_of_the_API_queue(Provider provider)
    {
        var app = await apps.For(provider);
        var overdue = await SubmitAsync(app);
        var onTime = await SubmitAsync(app);
        var failedLate = await SubmitAsync(app);
        await app.WithDbAsync(db => db.Set<PermitApplication>().Where(a => a.Id == overdue || a.Id == failedLate)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.DecisionDueOn, Today.AddDays(-1))));
        // Overdue is "submitted and due before today" (docs/permits.md): a case whose checks failed is waiting, not overdue.
        await app.WithDbAsync(db => db.Set<PermitApplication>().Where(a => a.Id == failedLate)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, ApplicationStatus.ChecksFailed)));
        foreach (var (account, region) in new[]
                 {
                     (Demo.Admin, ""), (Demo.Admin, Region), (Demo.Admin, "KZ-71"), (Demo.OfficerKaraganda, ""), (Demo.OfficerAstana, ""),
                 })
        {
            using var client = await app.As(account);
            var waiting = new List<(Guid, bool)>();
            foreach (var status in new[] { ApplicationStatus.Submitted, ApplicationStatus.ChecksFailed })
            {
                var api = await client.GetFromJsonAsync<JsonElement>($"/api/v1/permit-applications?pageSize=500&status={status}" +
                                                                     (region == "" ? "" : "&regionCode=" + region));
                waiting.AddRange(api.GetProperty("items").EnumerateArray().Select(i => (i.GetProperty("id").GetGuid(), i.GetProperty("overdue").GetBoolean())));
            }
            var html = await client.GetStringAsync("/permits/queue" + (region == "" ? "" : "?region=" + region));
            var rows = QueueRow().Matches(html).Select(m => (Guid.Parse(m.Groups[2].Value), m.Groups[1].Value.Contains("overdue"))).ToList();
            // The page shows both waiting statuses in one list by due date; the API lists one status a page.
            rows.Order().ShouldBe(waiting.Order(), $"{account} {region}");
            var ownRegion = account != Demo.OfficerAstana && region is "" or Region;
            rows.Contains((overdue, true)).ShouldBe(ownRegion, $"{account} {region}");
            rows.Contains((onTime, false)).ShouldBe(ownRegion, $"{account} {region}");
            rows.Contains((failedLate, false)).ShouldBe(ownRegion, $"{account} {region}");
        }
    }

    [GeneratedRegex("data-testid=\"action-([a-z_]+)\"")]
    private static partial Regex ActionForm();

    [GeneratedRegex("<tr class=\"([^\"]*)\" data-testid=\"queue-row\">.*?href=\"/permits/applications/([0-9a-f-]{36})\"", RegexOptions.Singleline)]
    private static partial Regex QueueRow();
}
