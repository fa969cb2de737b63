using Microsoft.EntityFrameworkCore;
using Qonys.Engines.Forecasting;
using Qonys.Web.Modules.AnalyticalCentre.Contracts;
using Qonys.Web.Modules.Permits.Contracts;

namespace Qonys.Web.Modules.AnalyticalCentre.Forecasts;

/// <summary>A monthly series ready for the engine, with what it counts.</summary>
internal sealed record LoadedSeries(SeriesInfo Info, MonthlySeries? Series);

/// <summary>
/// The monthly series the analyst can forecast:
/// <list type="bullet">
/// <item>permits-issued: permits by the month of IssuedOn (every permit issued, whatever its later status);</item>
/// <item>new-foreign-workers: workers by the month their first permit became valid (ValidFrom; permits awaiting the fee
/// or cancelled are not counted);</item>
/// <item>internal-arrivals-KZ and internal-arrivals-KZ-xx: arrivals from other regions (BNS, the 2024 months), the
/// country as the sum of the regions.</item>
/// </list>
/// The permits come from the permits module's register (<see cref="IPermitRegister"/>), the arrivals from the
/// demography module's statistics (<see cref="IInterRegionalArrivals"/>). Permit series run from the first month with a
/// permit to the last complete month before today; empty months count 0.
/// </summary>
internal sealed class ForecastSeriesCatalogue(
    IPermitRegister permits, IInterRegionalArrivals arrivals, TimeProvider clock)
{
    public const string PermitsIssued = "permits-issued";
    public const string NewForeignWorkers = "new-foreign-workers";
    public const string ArrivalsPrefix = "internal-arrivals-";

    public async Task<IReadOnlyList<SeriesInfo>> ListAsync(CancellationToken ct)
    {
        var list = new List<SeriesInfo>
        {
            (await LoadAsync(PermitsIssued, ct))!.Info,
            (await LoadAsync(NewForeignWorkers, ct))!.Info,
        };
        foreach (var code in ArrivalCodes()) list.Add((await LoadAsync(ArrivalsPrefix + code, ct))!.Info);
        return list;
    }

    IEnumerable<string> ArrivalCodes() => new[] { "KZ" }.Concat(arrivals.Regions.Select(r => r.Code));

    /// <summary>The series of a key; null when no series has that key.</summary>
    public async Task<LoadedSeries?> LoadAsync(string key, CancellationToken ct)
    {
        if (key == PermitsIssued)
        {
            var issued = await permits.Permits.Select(p => p.IssuedOn).ToListAsync(ct);
            return FromDates(key, "Work permits issued", "permits", "permits_permits.issued_on", issued);
        }
        if (key == NewForeignWorkers)
        {
            var starts = await permits.Permits.Where(IssuedPermit.TookEffect)
                .Select(p => new { p.WorkerId, p.ValidFrom }).ToListAsync(ct);
            var firsts = starts.GroupBy(s => s.WorkerId).Select(g => g.Min(s => s.ValidFrom)).ToList();
            return FromDates(key, "New foreign workers (first permit valid from)", "workers",
                "permits_permits.valid_from", firsts);
        }
        if (key.StartsWith(ArrivalsPrefix, StringComparison.Ordinal)
            && ArrivalCodes().Contains(key[ArrivalsPrefix.Length..]))
        {
            var code = key[ArrivalsPrefix.Length..];
            var months = arrivals.MonthlyArrivals(code);
            var name = code == "KZ" ? "Kazakhstan" : arrivals.Regions.First(r => r.Code == code).NameEn;
            var series = months.Count == 0
                ? null
                : new MonthlySeries(months[0].Year, months[0].Month, months.Select(m => m.Arrivals).ToList());
            var info = Info(key, $"Arrivals from other regions: {name}", "persons",
                "BNS inter-regional migration, 2024 months", series);
            return new LoadedSeries(info, series);
        }
        return null;
    }

    LoadedSeries FromDates(string key, string title, string unit, string source, IReadOnlyList<DateOnly> dates)
    {
        var series = MonthlyCounts.Of(dates, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        return new LoadedSeries(Info(key, title, unit, source, series), series);
    }

    static SeriesInfo Info(string key, string title, string unit, string source, MonthlySeries? series) =>
        new(key, title, unit, source,
            series is null ? null : Period(series, 0),
            series is null ? null : Period(series, series.Length - 1),
            series?.Length ?? 0);

    public static string Period(MonthlySeries series, int index)
    {
        var (year, month) = series.PeriodAt(index);
        return $"{year:D4}-{month:D2}";
    }
}

/// <summary>
/// Counts of dates per calendar month, from the first month with a date to the last complete month before today.
/// </summary>
internal static class MonthlyCounts
{
    /// <summary>Null when no date falls before the current month.</summary>
    public static MonthlySeries? Of(IReadOnlyList<DateOnly> dates, DateOnly today)
    {
        var currentMonth = new DateOnly(today.Year, today.Month, 1);
        var complete = dates.Where(d => d < currentMonth).ToList();
        if (complete.Count == 0) return null;
        var first = complete.Min();
        var start = new DateOnly(first.Year, first.Month, 1);
        var months = (currentMonth.Year - start.Year) * 12 + currentMonth.Month - start.Month;
        var counts = new double[months];
        foreach (var d in complete) counts[(d.Year - start.Year) * 12 + d.Month - start.Month]++;
        return new MonthlySeries(start.Year, start.Month, counts);
    }
}
