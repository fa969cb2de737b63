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

    /// <summary>The rows of the first Markdown table after <paramref name="heading"/> whose first cell matches, as trimmed cells.</summary>
    static List<string[]> TableRows(string doc, string heading, string firstHeader)
    {
        var lines = doc[doc.IndexOf(heading, StringComparison.Ordinal)..].Split('\n');
        var start = Array.FindIndex(lines, l => l.StartsWith("| " + firstHeader + " |", StringComparison.Ordinal));
        start.ShouldBeGreaterThanOrEqualTo(0, $"no table headed '{firstHeader}' under {heading}");
        return lines.Skip(start + 2).TakeWhile(l => l.StartsWith('|'))
            .Select(l => l.Trim().Trim('|').Split(" | ").Select(c => c.Trim()).ToArray()).ToList();
    }

    static string Mark(string unconfirmed) => unconfirmed == "true" ? "(u)" : "";

    [Fact]
    public void The_rule_values_table_of_docs_rules_md_is_the_shipped_file_row_for_row()
    {
        var doc = File.ReadAllText(Path.Combine(RepoRoot(), "docs", "rules.md"));
        var documented = TableRows(doc, "## Rule values as shipped", "key").Select(c => string.Join(" | ", c.Take(7))).ToList();
        var shipped = ReferenceSeeder.ReadCsv("rule_values.csv").Select(r => string.Join(" | ",
            $"`{r["key"]}`", r["effective_from"], r["effective_to"] == "" ? "—" : r["effective_to"], r["value"], r["unit"], Mark(r["unconfirmed"]), r["source"])).ToList();
        documented.ShouldBe(shipped);
    }

    [Fact]
    public void The_fee_tables_of_docs_rules_md_are_the_shipped_files_row_for_row()
    {
        var doc = File.ReadAllText(Path.Combine(RepoRoot(), "docs", "rules.md"));
        TableRows(doc, "## Fee", "from | category").Select(c => string.Join(" | ", c)).ShouldBe(ReferenceSeeder.ReadCsv("permit_fees.csv")
            .Select(r => string.Join(" | ", r["effective_from"], r["category"], r["sector_group"], r["term_months_max"], r["fee_mci"], Mark(r["unconfirmed"]), r["source"])));
        TableRows(doc, "## Fee", "from | OKED section").Select(c => string.Join(" | ", c)).ShouldBe(ReferenceSeeder.ReadCsv("fee_sector_groups.csv")
            .Select(r => string.Join(" | ", r["effective_from"], r["oked_section"], r["sector_group"], Mark(r["unconfirmed"]))));
    }

    [Fact]
    public void Docs_reference_data_md_counts_the_rows_of_each_file()
    {
        var doc = File.ReadAllText(Path.Combine(RepoRoot(), "docs", "reference-data.md"));
        foreach (var file in new[] { "rule_values.csv", "permit_fees.csv", "fee_sector_groups.csv" })
            doc.ShouldContain($"## {file} ({ReferenceSeeder.ReadCsv(file).Count} rows)");
    }
}
