namespace Qonys.BrowserTests;

/// <summary>
/// Every demo role with a UI signs in through /login, lands on its own dashboard, switches the language to Kazakh
/// and to Russian through the language menu, and signs out. Screenshots of each step go to artifacts/screenshots/.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RoleDashboardTests(BrowserApp browser)
{
    [ChromiumTheory]
    [InlineData("admin", "Administrator", null)]
    [InlineData("analyst", "Analyst", null)]
    [InlineData("auditor", "Auditor", null)]
    [InlineData("officer.karaganda", "Officer", "KZ-35")]
    [InlineData("officer.astana", "Officer", "KZ-71")]
    [InlineData("inspector.karaganda", "Inspector", "KZ-35")]
    [InlineData("employer", "Employer", null)]
    [InlineData("applicant", "Applicant", null)]
    public async Task Signs_in_sees_its_dashboard_in_three_languages_and_signs_out(string account, string role, string? region)
    {
        var email = account + "@demo.qonys.kz";
        var page = await browser.NewPageAsync();

        await SignIn.AsAsync(page, email);

        // English, as the login page was opened with ?culture=en: "Dashboard: <role>", own account and scope shown.
        await Expect(page.GetByTestId("dashboard-title")).ToHaveTextAsync(UiText.DashboardTitle(role, "en"));
        var who = page.GetByTestId("who");
        await Expect(who).ToContainTextAsync(email);
        await Expect(who).ToContainTextAsync(UiText.Get("role." + role, "en"));
        if (region is not null) await Expect(who).ToContainTextAsync(region);
        var tiles = page.GetByTestId("tile");
        await Expect(tiles.First).ToBeVisibleAsync();
        (await tiles.CountAsync()).ShouldBeGreaterThan(0);
        await Expect(tiles.First.Locator(".figure")).ToHaveTextAsync(new Regex(@"\S"));
        await Expect(page.GetByTestId("unread-count")).ToHaveTextAsync(new Regex(@"^\d+$"));
        await Screenshots.SaveAsync(page, account, "1-dashboard-en");

        await SwitchLanguageAsync(page, from: "en", to: "kk", linkText: "Қазақша");
        await Expect(page.GetByTestId("dashboard-title")).ToHaveTextAsync(UiText.DashboardTitle(role, "kk"));
        await Expect(page.GetByTestId("tile").First).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, account, "2-dashboard-kk");

        await SwitchLanguageAsync(page, from: "kk", to: "ru", linkText: "Русский");
        await Expect(page.GetByTestId("dashboard-title")).ToHaveTextAsync(UiText.DashboardTitle(role, "ru"));
        await Expect(page.GetByTestId("tile").First).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, account, "3-dashboard-ru");

        await page.GetByTestId("logout").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/login$"));
        // Signed out, still in Russian (the choice is kept in a cookie): the login form, no account line, no dashboard.
        await Expect(page.GetByLabel(UiText.Get("login.email", "ru"), new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("who")).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(page, account, "4-signed-out");
        await page.GotoAsync("/");
        await Expect(page.GetByTestId("dashboard-title")).ToHaveCountAsync(0);

        await page.Context.CloseAsync();
    }

    /// <summary>Opens the language menu (its summary reads "{shell.language}: XX") and picks a language.</summary>
    static async Task SwitchLanguageAsync(IPage page, string from, string to, string linkText)
    {
        await page.GetByText($"{UiText.Get("shell.language", from)}: {from.ToUpperInvariant()}", new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = linkText, Exact = true }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", to);
    }
}
