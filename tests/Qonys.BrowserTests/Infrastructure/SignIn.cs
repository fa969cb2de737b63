namespace Qonys.BrowserTests.Infrastructure;

/// <summary>The login form as a person uses it: the fields found by their English labels.</summary>
public static class SignIn
{
    public const string DemoPassword = Qonys.Web.Platform.Demo.DemoAccounts.Password;

    public static async Task OpenLoginInEnglishAsync(IPage page)
    {
        await page.GotoAsync("/login?culture=en");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = UiText.Get("login.title", "en"), Level = 1 })).ToBeVisibleAsync();
    }

    public static async Task SubmitAsync(IPage page, string email, string password)
    {
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        // The header also has a "Sign in" link styled as a button: press the form's own button in the main region.
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = UiText.Get("login.submit", "en"), Exact = true }).ClickAsync();
    }

    /// <summary>Signs in through /login in English and waits for the dashboard.</summary>
    public static async Task AsAsync(IPage page, string email, string password = DemoPassword)
    {
        await OpenLoginInEnglishAsync(page);
        await SubmitAsync(page, email, password);
        await Expect(page.GetByTestId("dashboard-title")).ToBeVisibleAsync();
    }
}
