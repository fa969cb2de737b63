using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Qonys.Web.Host;
using Qonys.Web.Platform.Auth;
using Qonys.Web.Platform.Ui;

namespace Qonys.Tests.Platform;

public sealed partial class LocalizationTests
{
    static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Strings = UiStrings.Load();

    static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Qonys.slnx"))) return dir.FullName;
        throw new InvalidOperationException("Qonys.slnx not found above " + AppContext.BaseDirectory);
    }

    static string WebProject => Path.Combine(RepoRoot(), "src", "Qonys.Web");

    static IEnumerable<string> SourceFiles(string pattern) =>
        Directory.EnumerateFiles(WebProject, pattern, SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) &&
                        !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal) &&
                        !f.Contains("node_modules", StringComparison.Ordinal));

    /// <summary>T["key"] or T["key", args] with a literal key (a key followed by '+' is built dynamically and checked apart).</summary>
    [GeneratedRegex("""\b[Tt]\[\s*"([^"]+)"\s*[\],]""")]
    private static partial Regex LiteralKey();

    [Fact]
    public void Every_key_has_kazakh_russian_and_english()
    {
        Strings.Count.ShouldBeGreaterThan(0);
        var missing = (from entry in Strings
                       from culture in UiStrings.Cultures
                       where !entry.Value.TryGetValue(culture, out var text) || string.IsNullOrWhiteSpace(text)
                       select $"{entry.Key}/{culture}").ToList();
        missing.ShouldBeEmpty();
    }

    [Fact]
    public void Every_literal_key_used_in_a_view_or_page_exists()
    {
        var files = SourceFiles("*.cshtml").Concat(SourceFiles("*.cshtml.cs")).ToList();
        files.ShouldNotBeEmpty();
        var used = new List<string>();
        foreach (var file in files)
            foreach (Match m in LiteralKey().Matches(File.ReadAllText(file)))
                used.Add($"{m.Groups[1].Value} ({Path.GetFileName(file)})");
        used.Count.ShouldBeGreaterThan(20);
        used.Where(u => !Strings.ContainsKey(u[..u.IndexOf(' ', StringComparison.Ordinal)])).ShouldBeEmpty();
    }

    [Fact]
    public void Keys_built_from_roles_exist_for_every_role()
    {
        var missing = Roles.All.SelectMany(r => new[] { "role." + r, "dashboard.subtitle." + r })
            .Where(k => !Strings.ContainsKey(k)).ToList();
        missing.ShouldBeEmpty();
    }

    [Fact]
    public async Task Navigation_and_dashboard_tile_keys_exist()
    {
        // The menu as the host assembles it from the platform's and every module's entries (the app is built, not started).
        var folder = Directory.CreateTempSubdirectory("qonys-menu-");
        List<string> navigation;
        await using (var app = QonysApp.Build(["--Qonys:Database:DataFolder", folder.FullName]))
        {
            var sections = app.Services.GetRequiredService<SectionNavigation>().All.ToList();
            navigation = Roles.All.SelectMany(app.Services.GetRequiredService<Navigation>().For).Select(i => i.TextKey)
                .Concat(sections.Select(l => l.TextKey)).Concat(sections.Select(l => l.Section + ".nav.label")).Distinct().ToList();
        }
        folder.Delete(recursive: true);
        navigation.ShouldContain("nav.permits");
        var tiles = SourceFiles("*.cs").SelectMany(f => TileKey().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value)).Distinct().ToList();
        tiles.ShouldNotBeEmpty();
        navigation.Concat(tiles).Where(k => !Strings.ContainsKey(k)).ShouldBeEmpty();
    }

    [Fact]
    public void Login_field_keys_exist_for_each_field_the_token_check_names()
    {
        // LoginModel shows t["login." + field] for the fields TokenIssuing validates.
        foreach (var field in new[] { "email", "password" }) Strings.ContainsKey("login." + field).ShouldBeTrue("login." + field);
    }

    [GeneratedRegex("\"(tile\\.[a-z_]+)\"")]
    private static partial Regex TileKey();
}
