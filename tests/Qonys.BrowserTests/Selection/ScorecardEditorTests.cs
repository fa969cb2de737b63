using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Qonys.Web.Platform.Auth;
using Qonys.Web.Platform.Demo;
using static Microsoft.Playwright.Assertions;

namespace Qonys.BrowserTests.Selection;

/// <summary>The administrator edits a criterion's points in a draft, sees the what-if difference and publishes; the
/// candidate's score page then shows the new breakdown.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ScorecardEditorTests(BrowserApp browser)
{
    [ChromiumFact]
    public async Task An_edited_and_published_draft_changes_the_candidates_breakdown()
    {
        // Publishing changes the pool scorecard the other tests score with: an app of its own.
        await using var app = await TestApp.StartAsync(Provider.Sqlite);
        // A candidate with a self-service account: a bachelor (shipped scorecard: 25 points for education).
        var email = $"candidate.{Guid.NewGuid():N}@test.qonys.kz";
        await CreateMigrantAsync(app, email);
        using (var api = new HttpClient { BaseAddress = app.BaseAddress })
        {
            var token = await api.PostAsJsonAsync("/api/v1/auth/token", new { email, password = DemoAccounts.Password });
            var body = await token.Content.ReadFromJsonAsync<Dictionary<string, object>>();
            api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body!["accessToken"].ToString());
            var created = await api.PostAsJsonAsync("/api/v1/candidates", new
            {
                fullName = "Browser Candidate", birthDate = "1994-05-01", citizenship = "KG", education = "bachelor", experienceYears = 6,
                kazakhLevel = "B1", russianLevel = "C1", englishLevel = "B2", occupationCode = "2142",
            });
            created.StatusCode.ShouldBe(System.Net.HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        }

        var admin = await browser.NewPageAsync(on: app);
        await SignIn.AsAsync(admin, "admin@demo.qonys.kz");
        await admin.GotoAsync("/selection/scorecards/skilled-migrant-pool");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Create a draft from the published version" }).ClickAsync();
        await Expect(admin).ToHaveURLAsync(DraftAddress());

        // Education level: bachelor 25 → 40 points.
        await admin.GetByRole(AriaRole.Link, new() { Name = "Education level", Exact = true }).ClickAsync();
        var bachelorPoints = admin.GetByLabel("Bachelor: Points", new() { Exact = true });
        await Expect(bachelorPoints).ToHaveValueAsync("25");
        await bachelorPoints.FillAsync("40");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Expect(admin.GetByTestId("saved")).ToBeVisibleAsync();
        await Expect(admin.GetByLabel("Bachelor: Points", new() { Exact = true })).ToHaveValueAsync("40");

        // A band that overlaps its neighbour is refused with the engine's message naming the path.
        await admin.GetByRole(AriaRole.Link, new() { Name = "Age", Exact = true }).ClickAsync();
        await admin.GetByLabel("25–32: Max (exclusive)", new() { Exact = true }).FillAsync("35");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Expect(admin.GetByTestId("error-summary")).ToContainTextAsync("overlaps");

        // What-if over the demo pool: raising bachelors' points moves some of them into the top 200.
        await admin.GetByLabel("Number of invitations").FillAsync("200");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Run against the pool" }).ClickAsync();
        await Expect(admin.GetByTestId("whatif-result")).ToBeVisibleAsync();
        await Expect(admin.GetByTestId("whatif-entering-count")).Not.ToHaveTextAsync("0");
        await Expect(admin.GetByTestId("whatif-entering").Locator("tbody tr").First).ToBeVisibleAsync();
        await Expect(admin.Locator("#whatif-chart canvas")).ToHaveCountAsync(1);

        await admin.GetByTestId("publish").ClickAsync();
        await Expect(admin).ToHaveURLAsync(new Regex("/selection/scorecards/skilled-migrant-pool$"));
        await Expect(admin.GetByTestId("message")).ToBeVisibleAsync();
        await Expect(admin.GetByTestId("version-2")).ToContainTextAsync("published");
        await Expect(admin.GetByTestId("version-1")).ToContainTextAsync("retired");
        await admin.Context.CloseAsync();

        var candidate = await browser.NewPageAsync(on: app);
        await SignIn.AsAsync(candidate, email);
        await candidate.GotoAsync("/selection/profile");
        await Expect(candidate.GetByTestId("score-version")).ToHaveTextAsync("skilled-migrant-pool v2");
        await Expect(candidate.GetByTestId("points-education")).ToHaveTextAsync("40");
        await Expect(candidate.GetByTestId("how-to-improve")).ToBeVisibleAsync();
        await candidate.Context.CloseAsync();
    }

    [GeneratedRegex(@"/selection/scorecards/skilled-migrant-pool/drafts/\d+")]
    private static partial Regex DraftAddress();

    static async Task CreateMigrantAsync(TestApp app, string email)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var created = await users.CreateAsync(new AppUser
        {
            Id = Guid.CreateVersion7(), UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Browser Candidate",
            Role = Roles.Migrant, Culture = "en", CreatedAt = app.Clock.GetUtcNow().UtcDateTime,
        }, DemoAccounts.Password);
        created.Succeeded.ShouldBeTrue();
    }
}
