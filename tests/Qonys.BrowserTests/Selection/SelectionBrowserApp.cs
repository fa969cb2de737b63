using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Qonys.Web.Platform.Hosting;

namespace Qonys.BrowserTests.Selection;

/// <summary>
/// The real app (demo mode with the demo candidate pool, fresh SQLite file) on a loopback port and Debian's headless
/// Chromium driven by Playwright, for the selection tests. Each test opens its own browser context.
/// </summary>
public sealed class SelectionBrowserApp : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string SkipReason = "Chromium was not found at " + ChromiumPath + "; install Debian's 'chromium' package to run the browser tests.";
    public static bool Available => File.Exists(ChromiumPath);

    WebApplication? _app;
    IPlaywright? _playwright;
    IBrowser? _browser;
    string _folder = "";

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");
    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException(SkipReason);

    public async Task InitializeAsync()
    {
        if (!Available) return;
        Assertions.SetDefaultExpectTimeout(20_000);
        _folder = Path.Combine(Path.GetTempPath(), "qonys-selection-browser-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(_folder);
        var config = new Dictionary<string, string?>
        {
            ["Qonys:Mode"] = "demo",
            ["Qonys:Database:Provider"] = "sqlite",
            ["Qonys:Database:ConnectionString"] = $"Data Source={Path.Combine(_folder, "qonys.db")};Default Timeout=30;Pooling=true",
            ["Qonys:Database:DataFolder"] = _folder,
            ["Qonys:Auth:TokenRequestsPerMinute"] = "100000",
        };
        _app = QonysApp.Build(["--urls", "http://127.0.0.1:0"], b =>
        {
            b.Configuration.AddInMemoryCollection(config);
            // The pages are compiled into Qonys.Web, which is not the entry assembly of the test process.
            b.Services.AddRazorPages().ConfigureApplicationPartManager(AddWebPages);
        });
        await QonysApp.PrepareAsync(_app);
        await _app.StartAsync();
        BaseAddress = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath, Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    static void AddWebPages(ApplicationPartManager parts)
    {
        var web = typeof(QonysApp).Assembly;
        if (parts.ApplicationParts.OfType<AssemblyPart>().Any(p => p.Assembly == web)) return;
        foreach (var part in ApplicationPartFactory.GetApplicationPartFactory(web).GetApplicationParts(web)) parts.ApplicationParts.Add(part);
    }

    public async Task<IPage> NewPageAsync()
    {
        var browser = _browser ?? throw new InvalidOperationException(SkipReason);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(), ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        try { if (_folder.Length > 0) Directory.Delete(_folder, recursive: true); }
        catch (IOException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class SelectionBrowserCollection : ICollectionFixture<SelectionBrowserApp>
{
    public const string Name = "selection-browser";
}

/// <summary>A fact that needs Chromium: skipped, saying why, where /usr/bin/chromium does not exist.</summary>
public sealed class SelectionChromiumFactAttribute : FactAttribute
{
    public SelectionChromiumFactAttribute()
    {
        if (!SelectionBrowserApp.Available) Skip = SelectionBrowserApp.SkipReason;
    }
}
