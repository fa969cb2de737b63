namespace Qonys.BrowserTests;

/// <summary>Login errors, redirects of the cookie session, the forbidden page and the auditor's chain check, in Chromium.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessTests(BrowserApp browser)
{
    const string NoAccount = "nobody@demo.qonys.kz";

    [ChromiumFact]
    public async Task A_wrong_password_shows_the_error_summary_and_stays_on_login()
    {
        var page = await browser.NewPageAsync();
        await SignIn.OpenLoginInEnglishAsync(page);

        // An address no account has, so one failed attempt here cannot lock out another test's account.
        await SignIn.SubmitAsync(page, NoAccount, "not-the-password");

        var summary = page.GetByTestId("error-summary");
        await Expect(summary).ToBeVisibleAsync();
        await Expect(summary).ToContainTextAsync(UiText.Get("login.wrong", "en"));
        await Expect(page).ToHaveURLAsync(new Regex("/login"));
        await Expect(page.GetByTestId("who")).ToHaveCountAsync(0);
        await Expect(page.GetByLabel("Email", new() { Exact = true })).ToHaveValueAsync(NoAccount);
        await Screenshots.SaveAsync(page, "anonymous", "wrong-password");
        await page.Context.CloseAsync();
    }

    [ChromiumFact]
    public async Task An_anonymous_visit_to_the_audit_log_redirects_to_login()
    {
        var page = await browser.NewPageAsync();

        await page.GotoAsync("/audit?culture=en");

        await Expect(page).ToHaveURLAsync(new Regex(@"/login\?ReturnUrl=%2Faudit"));
        await Expect(page.GetByLabel("Email", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("verify-audit")).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(page, "anonymous", "audit-redirect");
        await page.Context.CloseAsync();
    }

    [ChromiumFact]
    public async Task An_analyst_opening_the_audit_log_gets_the_forbidden_page()
    {
        var page = await browser.NewPageAsync();
        await SignIn.AsAsync(page, Demo.Analyst);

        var response = await page.GotoAsync("/audit");

        response!.Status.ShouldBe(403);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = UiText.Get("forbidden.title", "en"), Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText(UiText.Get("forbidden.text", "en"))).ToBeVisibleAsync();
        await Expect(page.GetByTestId("verify-audit")).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(page, "analyst", "audit-forbidden");
        await page.Context.CloseAsync();
    }

    [ChromiumFact]
    public async Task The_auditor_verifies_the_chain_and_sees_it_intact()
    {
        var page = await browser.NewPageAsync();
        await SignIn.AsAsync(page, Demo.Auditor);
        await page.GotoAsync("/audit");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = UiText.Get("audit.title", "en"), Level = 1 })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Verify the chain", Exact = true }).ClickAsync();

        var status = page.GetByTestId("audit-status");
        await Expect(status).ToContainTextAsync("intact");
        await Expect(status).ToHaveClassAsync(new Regex(@"\bok\b"));
        await Screenshots.SaveAsync(page, "auditor", "audit-verified");
        await page.Context.CloseAsync();
    }
}
