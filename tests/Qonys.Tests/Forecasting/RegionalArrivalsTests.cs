using System.Globalization;
using Qonys.Engines.Forecasting;

namespace Qonys.Tests.Forecasting;

public class RegionalArrivalsTests
{
    /// <summary>2024 monthly internal arrivals (M01..M12) by region from data/regions.</summary>
    private static Dictionary<string, double[]> MonthlyArrivals2024()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(directory!.FullName, "Qonys.slnx")))
        {
            directory = directory.Parent;
        }
        var path = Path.Combine(directory.FullName, "data", "regions", "kz_region_internal_migration_2022_2024.csv");
        var byRegion = new Dictionary<string, double[]>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var fields = line.Split(',');
            if (fields[0] != "2024" || !fields[1].StartsWith('M'))
            {
                continue;
            }
            var month = int.Parse(fields[1][1..], CultureInfo.InvariantCulture);
            if (!byRegion.TryGetValue(fields[2], out var values))
            {
                byRegion[fields[2]] = values = new double[12];
            }
            values[month - 1] = double.Parse(fields[3], CultureInfo.InvariantCulture);
        }
        return byRegion;
    }

    [Fact]
    public void Every_method_gives_finite_forecasts_with_widening_intervals_for_all_regions()
    {
        // 20 regions × 12 months. With 12 observations the M4 test (n ≥ 3m) cannot declare seasonality, so no
        // method reseasonalises and interval widths must be non-decreasing in h; over 36 months they must grow.
        var regions = MonthlyArrivals2024();
        regions.Count.ShouldBe(20);
        foreach (var (region, values) in regions)
        {
            values.ShouldAllBe(v => v > 0);
            var series = new MonthlySeries(2024, 1, values);
            foreach (var method in ForecastMethods.Standard())
            {
                var fit = method.Fit(series);
                fit.IsSeasonallyAdjusted.ShouldBeFalse();
                var forecast = fit.Forecast(36, [0.8, 0.95]);
                (forecast.StartYear, forecast.StartMonth).ShouldBe((2025, 1));
                forecast.Points.ShouldAllBe(p => double.IsFinite(p), $"{region} {method.Kind}");
                foreach (var interval in forecast.Intervals)
                {
                    var widths = interval.Upper.Zip(interval.Lower, (u, l) => u - l).ToArray();
                    widths.ShouldAllBe(w => double.IsFinite(w) && w >= 0, $"{region} {method.Kind}");
                    for (var h = 1; h < widths.Length; h++)
                    {
                        widths[h].ShouldBeGreaterThanOrEqualTo(widths[h - 1] - 1e-9, $"{region} {method.Kind} h={h + 1}");
                    }
                    widths[^1].ShouldBeGreaterThan(widths[0], $"{region} {method.Kind}");
                }
                var narrow = forecast.IntervalAt(0.8);
                var wide = forecast.IntervalAt(0.95);
                wide.Upper[0].ShouldBeGreaterThan(narrow.Upper[0]);
            }
        }
    }

    [Fact]
    public void Batch_over_regions_uses_the_fallback_when_one_year_allows_no_backtest()
    {
        // 12 months < 36 training months + 12 horizon: no origin, so every region gets the combination.
        var series = MonthlyArrivals2024().OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => new MonthlySeries(2024, 1, r.Value)).ToList();
        var results = BatchForecaster.Run(series, SelectionOptions.Monthly(12));

        results.Count.ShouldBe(20);
        results.ShouldAllBe(r => r.Backtest == null && r.Chosen == ForecastMethodKind.Combination);
    }
}
