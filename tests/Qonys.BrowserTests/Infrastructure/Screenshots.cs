namespace Qonys.BrowserTests.Infrastructure;

/// <summary>Full-page screenshots kept as test artifacts under artifacts/screenshots/ at the repository root.</summary>
public static class Screenshots
{
    static readonly Lazy<string> Folder = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Qonys.slnx"))) dir = dir.Parent;
        var root = dir?.FullName ?? throw new InvalidOperationException("Qonys.slnx not found above " + AppContext.BaseDirectory);
        return Directory.CreateDirectory(Path.Combine(root, "artifacts", "screenshots")).FullName;
    });

    /// <summary>Saves the page as artifacts/screenshots/{subject}-{step}.png.</summary>
    public static Task SaveAsync(IPage page, string subject, string step) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder.Value, $"{subject}-{step}.png"), FullPage = true });
}
