using Qonys.Engines.Forecasting;

namespace Qonys.Tests.Forecasting;

public class BacktestTests
{
    [Theory]
    [InlineData(30, 6, 12, 5, new[] { 12, 17, 22 })] // 22 + 6 = 28 ≤ 30; 27 + 6 = 33 > 30
    [InlineData(30, 6, 12, 1, new[] { 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24 })] // 12..30−6
    [InlineData(17, 6, 12, 1, new int[0])] // 12 + 6 > 17: no full horizon
    public void Origins_are_every_step_while_a_full_horizon_remains(int length, int horizon, int minimum, int step, int[] expected)
    {
        new BacktestOptions(horizon, minimum, step, []).TrainingLengths(length).ShouldBe(expected);
    }

    [Fact]
    public void Backtest_scores_each_origin_and_counts_them()
    {
        // 30 values, h = 6, from 12 in steps of 5 → 3 origins; every standard method gets a score.
        var values = Enumerable.Range(0, 30).Select(t => 100.0 + (t % 12) + (0.5 * t)).ToArray();
        var result = RollingOriginBacktest.Run(new MonthlySeries(2020, 1, values), new BacktestOptions(6, 12, 5, [0.8]));

        result.OriginCount.ShouldBe(3);
        result.Scores.Select(s => s.Method).ShouldBe(Enum.GetValues<ForecastMethodKind>());
        result.Baseline!.RelativeMase.ShouldBe(1.0);
        result.Scores.ShouldAllBe(s => s.Coverage.Count == 1);
    }

    [Fact]
    public void Naive_backtest_matches_a_hand_computed_mase()
    {
        // y = 1, 2, 4, 7, 11 (m = 1), h = 1, from 3 in steps of 1 → origins n = 3, 4.
        // n = 3: history 1,2,4, scale mean(|1|, |2|) = 1.5, forecast 4, actual 7 → MASE 3/1.5 = 2.
        // n = 4: history 1,2,4,7, scale mean(1, 2, 3) = 2, forecast 7, actual 11 → MASE 4/2 = 2.
        // sMAPE: 200·3/11 and 200·4/18 → mean (600/11 + 800/18)/2.
        var result = RollingOriginBacktest.Run(
            new MonthlySeries(2020, 1, [1, 2, 4, 7, 11], seasonalPeriod: 1),
            new BacktestOptions(1, 3, 1, []),
            [new NaiveMethod()]);

        result.OriginCount.ShouldBe(2);
        result.Scores[0].MeanMase.ShouldBe(2.0, 1e-12);
        result.Scores[0].MeanSmape.ShouldBe(((600.0 / 11) + (800.0 / 18)) / 2, 1e-12);
        result.Scores[0].RelativeMase.ShouldBeNull();
    }

    [Fact]
    public void Pure_seasonal_series_is_won_by_seasonal_naive_with_mase_zero()
    {
        // m = 4: a disturbed first cycle (12, 18, 33, 37), then nine exact cycles of (10, 20, 30, 40); n = 40.
        // From every origin (n ≥ 12) seasonal naive repeats the last exact cycle → zero errors → MASE 0, while the
        // MASE scale stays positive (the lag-4 differences between cycles 1 and 2 are 2, 2, 3, 3). Naive misses
        // the pattern, and the decomposition-based methods carry the disturbed first cycle in their indices.
        double[] pattern = [10, 20, 30, 40];
        double[] first = [12, 18, 33, 37];
        var values = Enumerable.Range(0, 40).Select(t => t < 4 ? first[t] : pattern[t % 4]).ToArray();
        var result = RollingOriginBacktest.Run(new MonthlySeries(2015, 1, values, seasonalPeriod: 4), new BacktestOptions(4, 12, 1, [0.95]));

        result.Chosen.ShouldBe(ForecastMethodKind.SeasonalNaive);
        result.ChosenScore.MeanMase.ShouldBe(0.0);
        result.Scores.Single(s => s.Method == ForecastMethodKind.Naive).RelativeMase.ShouldBe(double.PositiveInfinity);
        result.Summary().ShouldBe("SeasonalNaive chosen: MASE 0.00 vs seasonal naive 0.00");
    }

    [Fact]
    public void Selection_breaks_mase_ties_by_smape_then_by_method_order()
    {
        // Theta and damped tie on MASE within 1e-9; damped has the lower sMAPE → damped. SES equal on both to
        // Naive2 → Naive2 (declared earlier) would win if both were best, shown in the second case.
        MethodScore Score(ForecastMethodKind kind, double mase, double smape) => new(kind, mase, smape, 0, 0, null, null, []);
        RollingOriginBacktest.Choose([
            Score(ForecastMethodKind.SeasonalNaive, 1.0, 10),
            Score(ForecastMethodKind.Theta, 0.7, 9),
            Score(ForecastMethodKind.DampedTrend, 0.7 + 1e-12, 8),
        ]).ShouldBe(ForecastMethodKind.DampedTrend);
        RollingOriginBacktest.Choose([
            Score(ForecastMethodKind.SimpleExponentialSmoothing, 0.5, 5),
            Score(ForecastMethodKind.Naive2, 0.5, 5),
            Score(ForecastMethodKind.Combination, double.NaN, 1),
        ]).ShouldBe(ForecastMethodKind.Naive2);
    }

    [Fact]
    public void Batch_results_do_not_depend_on_thread_count_and_keep_order()
    {
        var random = new Random(11);
        var series = Enumerable.Range(0, 6)
            .Select(i => new MonthlySeries(2016, 1, Enumerable.Range(0, 60).Select(t => 200 + (i * 10) + t + (30 * Math.Sin(t * Math.PI / 6)) + (20 * random.NextDouble())).ToArray()))
            .ToList();
        var options = new SelectionOptions(new BacktestOptions(12, 36, 3, [0.8]), 12, [0.8, 0.95]);

        var sequential = BatchForecaster.Run(series, options, 1);
        var parallel = BatchForecaster.Run(series, options, 2);

        for (var i = 0; i < series.Count; i++)
        {
            parallel[i].Chosen.ShouldBe(sequential[i].Chosen);
            parallel[i].Forecast.Points.ShouldBe(sequential[i].Forecast.Points);
            parallel[i].Backtest!.OriginCount.ShouldBe(5); // 36, 39, 42, 45, 48 (48 + 12 = 60)
            BatchForecaster.SelectAndForecast(series[i], options).Forecast.Points.ShouldBe(sequential[i].Forecast.Points);
        }
    }

    [Fact]
    public void Too_short_series_falls_back_to_the_combination_without_backtest()
    {
        var selected = BatchForecaster.SelectAndForecast(new MonthlySeries(2024, 1, [5, 6, 7, 6, 8, 9]), SelectionOptions.Monthly(12));

        selected.Backtest.ShouldBeNull();
        selected.Chosen.ShouldBe(ForecastMethodKind.Combination);
        selected.Forecast.Horizon.ShouldBe(12);
    }
}
