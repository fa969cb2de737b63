using Qonys.Engines.Forecasting;

namespace Qonys.Tests.Forecasting;

public class NaiveMethodsTests
{
    // Tabulated standard normal quantiles: Φ⁻¹(0.975) and Φ⁻¹(0.9).
    private const double Z95 = 1.959963984540054;
    private const double Z80 = 1.2815515655446004;

    [Fact]
    public void Naive_carries_last_value_with_sigma_sqrt_h_intervals()
    {
        // y = 10, 12, 11, 15 (Jan..Apr 2024). Residuals y_t − y_{t−1}: 2, −1, 4 → SSE = 4 + 1 + 16 = 21,
        // 3 residuals, no parameter → σ² = 21/3 = 7. Forecast 15 for every step, 95 % bound 15 ± 1.96·√(7h).
        var fit = new NaiveMethod().Fit(new MonthlySeries(2024, 1, [10, 12, 11, 15]));
        var forecast = fit.Forecast(3, [0.95]);

        forecast.Points.ShouldBe([15.0, 15.0, 15.0]);
        (forecast.StartYear, forecast.StartMonth).ShouldBe((2024, 5));
        forecast.IntervalBasis.ShouldBe(IntervalBasis.Analytic);
        var interval = forecast.IntervalAt(0.95);
        for (var h = 1; h <= 3; h++)
        {
            interval.Upper[h - 1].ShouldBe(15 + (Z95 * Math.Sqrt(7.0 * h)), 1e-9);
            interval.Lower[h - 1].ShouldBe(15 - (Z95 * Math.Sqrt(7.0 * h)), 1e-9);
        }
    }

    [Fact]
    public void Seasonal_naive_repeats_last_season_with_stepped_intervals()
    {
        // m = 4, y = 1,2,3,4 | 2,3,4,6. Lag-4 residuals 1,1,1,2 → SSE = 7 over 4 → σ² = 7/4.
        // Forecasts h = 1..6: 2,3,4,6,2,3. Multiplier √(⌊(h−1)/4⌋+1): 1 for h ≤ 4, √2 for h = 5, 6.
        var fit = new SeasonalNaiveMethod().Fit(new MonthlySeries(2020, 1, [1, 2, 3, 4, 2, 3, 4, 6], seasonalPeriod: 4));
        var forecast = fit.Forecast(6, [0.8]);

        forecast.Points.ShouldBe([2.0, 3.0, 4.0, 6.0, 2.0, 3.0]);
        var sigma = Math.Sqrt(7.0 / 4);
        var multipliers = new[] { 1, 1, 1, 1, Math.Sqrt(2), Math.Sqrt(2) };
        var interval = forecast.IntervalAt(0.8);
        for (var i = 0; i < 6; i++)
        {
            (interval.Upper[i] - forecast.Points[i]).ShouldBe(Z80 * sigma * multipliers[i], 1e-9);
        }
    }

    [Fact]
    public void Seasonal_naive_on_one_season_falls_back_to_lag_one_sigma()
    {
        // m = 4, y = 1,2,3,5: no lag-4 residual exists. Lag-1 differences 1,1,2 → σ² = 6/3 = 2.
        var forecast = new SeasonalNaiveMethod().Fit(new MonthlySeries(2020, 1, [1, 2, 3, 5], seasonalPeriod: 4)).Forecast(1, [0.95]);

        forecast.IntervalBasis.ShouldBe(IntervalBasis.ShortHistoryFallback);
        forecast.IntervalAt(0.95).Upper[0].ShouldBe(1 + (Z95 * Math.Sqrt(2)), 1e-9);
    }

    [Fact]
    public void Naive2_on_a_seasonal_series_returns_the_seasonal_pattern()
    {
        // m = 4, 10 cycles of 100·(0.8, 1.2, 0.9, 1.1): the M4 test passes (r_4 = 0.9 > 0.59, see
        // SeasonalDecompositionTests), the indices are the pattern, the adjusted series is constant 100, so naive
        // forecasts 100 and reseasonalising gives 100·index at positions 40 mod 4 = 0, 1, 2, 3, 0.
        double[] pattern = [0.8, 1.2, 0.9, 1.1];
        var values = Enumerable.Range(0, 40).Select(t => 100 * pattern[t % 4]).ToArray();
        var fit = new Naive2Method().Fit(new MonthlySeries(2015, 1, values, seasonalPeriod: 4));
        var forecast = fit.Forecast(5, [0.95]);

        fit.IsSeasonallyAdjusted.ShouldBeTrue();
        forecast.Points.ShouldBe([80.0, 120.0, 90.0, 110.0, 80.0], 1e-9);
        // Residuals of the adjusted series are all 0, so the interval collapses onto the point.
        forecast.IntervalAt(0.95).Upper[1].ShouldBe(120.0, 1e-9);
    }

    [Theory]
    [InlineData(0.95, 1.959963984540054)]
    [InlineData(0.80, 1.2815515655446004)]
    [InlineData(0.50, 0.6744897501960817)]
    public void Normal_quantiles_match_tables(double level, double expected)
    {
        // Values from standard normal tables (Φ⁻¹(0.975), Φ⁻¹(0.9), Φ⁻¹(0.75)).
        NormalQuantile.TwoSided(level).ShouldBe(expected, 1e-12);
    }
}
