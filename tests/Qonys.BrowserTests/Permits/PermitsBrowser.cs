using Microsoft.Playwright;
using Qonys.IntegrationTests.Infrastructure;
using Qonys.Web.Platform.Ui;
using static Microsoft.Playwright.Assertions;

namespace Qonys.BrowserTests.Permits;

/// <summary>
/// The real app (demo mode, fresh SQLite file) on a loopback port and Debian's headless Chromium driven by Playwright
/// (never a browser Playwright downloads). Each person in a scenario gets their own browser context (own cookies).
/// </summary>
public sealed class PermitsBrowser : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string SkipReason = "Chromium was not found at " + ChromiumPath + "; install Debian's 'chromium' package to run the browser tests.";
    public static bool ChromiumAvailable => File.Exists(ChromiumPath);

    static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Strings = UiStrings.Load();

    TestApp? _app;
    IPlaywright? _playwright;
    IBrowser? _browser;

    public TestApp App => _app ?? throw new InvalidOperationException(SkipReason);

    public async Task InitializeAsync()
    {
        if (!ChromiumAvailable) return;
        // The machine is shared and often busy: give expectations more than Playwright's default 5 s.
        SetDefaultExpectTimeout(20_000);
        // The host must be named after the web assembly, or MVC looks for pages in the test assembly and every page is a 404
        // (main fixes this in QonysApp.Build; this branch predates that fix). The host reads DOTNET_-prefixed settings.
        _app = await TestApp.StartAsync(Provider.Sqlite);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
    }

    /// <summary>A page in a fresh context (no cookies), relative addresses resolved against the app; optionally with scripts off.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900, bool javaScript = true)
    {
        var browser = _browser ?? throw new InvalidOperationException(SkipReason);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            JavaScriptEnabled = javaScript,
        });
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    /// <summary>Signs in through /login in English and waits for the dashboard.</summary>
    public static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/login?culture=en");
        await page.GetByLabel(En("login.email"), new() { Exact = true }).FillAsync(email);
        await page.GetByLabel(En("login.password"), new() { Exact = true }).FillAsync(Qonys.Web.Platform.Demo.DemoAccounts.Password);
        await page.Locator("main").GetByRole(AriaRole.Button, new() { Name = En("login.submit"), Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("dashboard-title")).ToBeVisibleAsync();
    }

    /// <summary>The English text of a UI string, so the tests find controls by what a person reads.</summary>
    public static string En(string key, params object[] args) => string.Format(System.Globalization.CultureInfo.InvariantCulture, Text(key, "en"), args);

    /// <summary>The text of a UI string in one language.</summary>
    public static string Text(string key, string culture) => Strings[key][culture];

    /// <summary>Saves a full-page screenshot as artifacts/screenshots/permits-{step}.png at the repository root.</summary>
    public static Task ScreenshotAsync(IPage page, string step)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Qonys.slnx"))) dir = dir.Parent;
        var folder = Directory.CreateDirectory(Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Qonys.slnx not found"),
            "artifacts", "screenshots")).FullName;
        return page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"permits-{step}.png"), FullPage = true });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (_app is not null) await _app.DisposeAsync();
    }
}

/// <summary>A fact that needs Chromium: skipped, saying why, where /usr/bin/chromium does not exist.</summary>
public sealed class PermitsChromiumFactAttribute : FactAttribute
{
    public PermitsChromiumFactAttribute()
    {
        if (!PermitsBrowser.ChromiumAvailable) Skip = PermitsBrowser.SkipReason;
    }
}

[CollectionDefinition(Name)]
public sealed class PermitsBrowserCollection : ICollectionFixture<PermitsBrowser>
{
    public const string Name = "permits-browser";
}
