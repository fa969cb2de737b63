using System.Globalization;
using System.Text;

namespace Qonys.Web.Modules.AnalyticalCentre.Figures;

internal sealed record CountItem(string Key, int Count);

/// <summary>
/// Workers holding a valid permit on <see cref="Date"/>: foreign workers (employer permits) or household labour
/// immigrants (household permits); <see cref="Items"/> is empty when no breakdown was asked.
/// </summary>
internal sealed record WorkersOnDateResponse(DateOnly Date, string? By, int Total, IReadOnlyList<CountItem> Items)
{
    public string ToCsv() => By is null
        ? AnalyticsCsv.Of(["date", "total"], [[AnalyticsCsv.Iso(Date), AnalyticsCsv.Num(Total)]])
        : AnalyticsCsv.Of(["key", "count"], Items.Select(i => new[] { i.Key, AnalyticsCsv.Num(i.Count) }));
}

internal sealed record EmployersUsingForeignLabourResponse(DateOnly Date, int Total)
{
    public string ToCsv() => AnalyticsCsv.Of(["date", "total"], [[AnalyticsCsv.Iso(Date), AnalyticsCsv.Num(Total)]]);
}

internal sealed record OffenceItem(string Key, int Count, long FinesImposedKzt, long FinesCollectedKzt);

/// <summary>
/// Offences committed from <see cref="From"/> to <see cref="To"/> (both included), with fines imposed and collected.
/// </summary>
internal sealed record OffencesResponse(
    DateOnly From, DateOnly To, string? By, int Total, long FinesImposedKzt, long FinesCollectedKzt,
    IReadOnlyList<OffenceItem> Items)
{
    public string ToCsv()
    {
        string[] header = ["key", "count", "finesImposedKzt", "finesCollectedKzt"];
        IEnumerable<OffenceItem> rows =
            By is null ? [new OffenceItem("total", Total, FinesImposedKzt, FinesCollectedKzt)] : Items;
        return AnalyticsCsv.Of(header, rows.Select(i => new[]
        {
            i.Key, AnalyticsCsv.Num(i.Count), AnalyticsCsv.Num(i.FinesImposedKzt),
            AnalyticsCsv.Num(i.FinesCollectedKzt),
        }));
    }
}

static class AnalyticsCsv
{
    public static string Of(string[] header, IEnumerable<string[]> rows)
    {
        var sb = new StringBuilder();
        sb.Append(string.Join(',', header.Select(Csv.Escape))).Append("\r\n");
        foreach (var row in rows) sb.Append(string.Join(',', row.Select(Csv.Escape))).Append("\r\n");
        return sb.ToString();
    }

    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    public static string Num(long n) => n.ToString(CultureInfo.InvariantCulture);
}
