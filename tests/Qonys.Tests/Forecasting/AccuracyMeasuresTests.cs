using Qonys.Engines.Forecasting;

namespace Qonys.Tests.Forecasting;

public class AccuracyMeasuresTests
{
    [Fact]
    public void Mase_is_scaled_by_in_sample_seasonal_naive_error()
    {
        // History 1..6, m = 2: lag-2 differences 2,2,2,2 → scale 2. Actual 7, 8; forecast 6, 10 → MAE (1 + 2)/2 = 1.5
        // → MASE 0.75.
        double[] history = [1, 2, 3, 4, 5, 6];
        AccuracyMeasures.MaseScale(history, 2).ShouldBe(2.0);
        AccuracyMeasures.MeanAbsoluteScaledError([7, 8], [6, 10], history, 2).ShouldBe(0.75, 1e-12);
    }

    [Fact]
    public void Mase_scale_falls_back_to_lag_one_on_short_history()
    {
        // History 1, 3, 2 with m = 12 has no lag-12 difference; lag-1 differences 2, 1 → scale 1.5.
        AccuracyMeasures.MaseScale([1, 3, 2], 12).ShouldBe(1.5);
    }

    [Fact]
    public void Mase_with_zero_scale_is_zero_only_for_exact_forecasts()
    {
        // A constant history has scale 0: exact forecast → 0, any error → +∞.
        double[] history = [4, 4, 4];
        AccuracyMeasures.MeanAbsoluteScaledError([4], [4], history, 1).ShouldBe(0.0);
        AccuracyMeasures.MeanAbsoluteScaledError([4], [5], history, 1).ShouldBe(double.PositiveInfinity);
    }

    [Fact]
    public void Smape_follows_the_m4_definition()
    {
        // 200·1/(7 + 6) = 15.3846…, 200·2/(8 + 10) = 22.2222… → mean (200/13 + 400/18)/2. A 0/0 term counts as 0.
        AccuracyMeasures.SymmetricMape([7, 8], [6, 10]).ShouldBe(((200.0 / 13) + (400.0 / 18)) / 2, 1e-12);
        AccuracyMeasures.SymmetricMape([0, 10], [0, 10]).ShouldBe(0.0);
        AccuracyMeasures.SymmetricMape([0], [5]).ShouldBe(200.0);
    }

    [Fact]
    public void Mae_rmse_and_coverage_by_hand()
    {
        // Errors 1 and −2: MAE 1.5, RMSE √((1 + 4)/2) = √2.5. Coverage: 1 ∈ [0,2] yes, 5 ∈ [0,4] no, 3 ∈ [3,4] yes
        // (bounds count) → 2/3.
        AccuracyMeasures.MeanAbsoluteError([7, 8], [6, 10]).ShouldBe(1.5);
        AccuracyMeasures.RootMeanSquaredError([7, 8], [6, 10]).ShouldBe(Math.Sqrt(2.5), 1e-12);
        AccuracyMeasures.Coverage([1, 5, 3], [0, 0, 3], [2, 4, 4]).ShouldBe(2.0 / 3, 1e-12);
    }
}
