using System.Globalization;
using Qonys.Web.Platform.Data;

namespace Qonys.Tests.Platform.Demo;

/// <summary>data/published-figures.csv and the reference rule values, read as the tests of the demo data compare with them.</summary>
internal static class PublishedFigures
{
    public sealed record Figure(string Name, string AsOf, string Dimension, string Value, decimal Number, string Unit);

    static readonly Lazy<List<Figure>> Figures = new(() =>
    {
        using var reader = new StreamReader(Path.Combine(RepositoryRoot(), "data", "published-figures.csv"));
        return Csv.ReadRecords(reader).Select(r => new Figure(r["figure"], r["as_of"], r["dimension"], r["dimension_value"].Split(' ')[0],
            decimal.Parse(r["value"], CultureInfo.InvariantCulture), r["unit"])).ToList();
    });

    /// <summary>The rule values of the reference data (key, effective from, value), read like the seeder reads them.</summary>
    static readonly Lazy<List<(string Key, DateOnly From, decimal Value)>> RuleValues = new(() =>
    {
        using var reader = new StreamReader(Path.Combine(RepositoryRoot(), "src", "Qonys.Web", "Platform", "Reference", "Data", "rule_values.csv"));
        return Csv.ReadRecords(reader).Select(r => (r["key"], DateOnly.Parse(r["effective_from"], CultureInfo.InvariantCulture),
            decimal.Parse(r["value"], CultureInfo.InvariantCulture))).ToList();
    });

    public static List<Figure> All => Figures.Value;

    public static decimal RuleOn(string key, DateOnly day) => RuleValues.Value.Where(r => r.Key == key && r.From <= day).MaxBy(r => r.From).Value;

    static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "Qonys.slnx"))) dir = dir.Parent;
        return dir.FullName;
    }
}
