namespace Qonys.BrowserTests.Infrastructure;

/// <summary>Debian's Chromium, which the browser tests drive through Playwright (never a browser Playwright downloads).</summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    /// <summary>Without these flags Chromium keeps calling out to Google's hosts, which this closed network refuses.</summary>
    public static readonly string[] Arguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run",
    ];

    public static bool Available => File.Exists(ExecutablePath);

    public const string SkipReason =
        "Chromium was not found at " + ExecutablePath + "; install Debian's 'chromium' package to run the browser tests.";
}

/// <summary>A fact that needs Chromium: skipped, saying why, where /usr/bin/chromium does not exist (in CI: fails).</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute() => Skip = Requirements.SkipReason(Chromium.Available, Chromium.SkipReason);
}

/// <summary>A theory that needs Chromium: skipped, saying why, where /usr/bin/chromium does not exist (in CI: fails).</summary>
public sealed class ChromiumTheoryAttribute : TheoryAttribute
{
    public ChromiumTheoryAttribute() => Skip = Requirements.SkipReason(Chromium.Available, Chromium.SkipReason);
}
