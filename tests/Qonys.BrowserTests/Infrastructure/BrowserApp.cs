namespace Qonys.BrowserTests.Infrastructure;

/// <summary>
/// The real app (demo mode, fresh SQLite file) on a loopback port and one headless Chromium, shared by the tests
/// of the "browser" collection. Each test opens its own browser context, so cookies never leak between tests; a test
/// that changes what the others rely on (rule values, shipped scorecards) runs on an app of its own, and every new page
/// on the shared app first checks that no earlier test did (<see cref="SharedState"/>).
/// </summary>
public sealed class BrowserApp : IAsyncLifetime
{
    TestApp? _app;
    SharedState? _state;
    IPlaywright? _playwright;
    IBrowser? _browser;

    public TestApp App => _app ?? throw new InvalidOperationException(Chromium.SkipReason);

    public async Task InitializeAsync()
    {
        if (!Chromium.Available) return;
        // The machine is shared and may be busy: give assertions more than Playwright's default 5 s to come true.
        SetDefaultExpectTimeout(20_000);
        _app = await TestApp.StartAsync(Provider.Sqlite);
        _state = await SharedState.TakeAsync(_app);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium.ExecutablePath,
            Headless = true,
            Args = Chromium.Arguments,
        });
    }

    /// <summary>
    /// A fresh context (no cookies) and a page in it, with relative addresses resolved against the shared app (or
    /// <paramref name="on"/>, a test's own app); optionally a phone-sized viewport or scripts off (to check that forms
    /// work without JavaScript).
    /// </summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 800, bool javaScript = true, TestApp? on = null)
    {
        var browser = _browser ?? throw new InvalidOperationException(Chromium.SkipReason);
        if (on is null) await _state!.VerifyUnchangedAsync();
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = (on ?? App).BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            JavaScriptEnabled = javaScript,
        });
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (_app is not null) await _app.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "browser";
}
