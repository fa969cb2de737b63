using Qonys.Web.Platform.Reference;

namespace Qonys.Tests.Docs;

/// <summary>Keeps docs/ true: every shipped rule value is documented with its source.</summary>
public sealed class DocsTests
{
    static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Qonys.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }

    [Fact]
    public void Every_rule_value_key_is_documented_in_docs_rules_md()
    {
        var doc = File.ReadAllText(Path.Combine(RepoRoot(), "docs", "rules.md"));
        var keys = ReferenceSeeder.ReadCsv("rule_values.csv").Select(r => r["key"]).Distinct().ToList();
        keys.ShouldNotBeEmpty();
        keys.Where(k => !doc.Contains($"`{k}`", StringComparison.Ordinal)).ShouldBeEmpty();
    }

    [Fact]
    public void Every_rule_value_names_its_source()
    {
        var rows = ReferenceSeeder.ReadCsv("rule_values.csv");
        rows.Where(r => string.IsNullOrWhiteSpace(r["source"])).Select(r => r["key"]).ShouldBeEmpty();
    }
}
