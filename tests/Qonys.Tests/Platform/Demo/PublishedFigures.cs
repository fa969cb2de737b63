using System.Globalization;
using Qonys.Web.Platform.Data;

namespace Qonys.Tests.Platform.Demo;

/// <summary>data/published-figures.csv, read as the tests of the demo data compare with them.</summary>
internal static class PublishedFigures
{
    public sealed record Figure(string Name, string AsOf, string Dimension, string Value, decimal Number, string Unit);

    static readonly Lazy<List<Figure>> Figures = new(() =>
    {
        using var reader = new StreamReader(Path.Combine(RepositoryRoot(), "data", "published-figures.csv"));
        return Csv.ReadRecords(reader).Select(r => new Figure(r["figure"], r["as_of"], r["dimension"], r["dimension_value"].Split(' ')[0],
            decimal.Parse(r["value"], CultureInfo.InvariantCulture), r["unit"])).ToList();
    });

    public static List<Figure> All => Figures.Value;

    static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "Qonys.slnx"))) dir = dir.Parent;
        return dir.FullName;
    }
}
