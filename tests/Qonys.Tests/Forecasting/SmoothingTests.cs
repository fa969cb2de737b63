using FsCheck;
using Qonys.Engines.Forecasting;

namespace Qonys.Tests.Forecasting;

public class SmoothingTests
{
    private const double Z95 = 1.959963984540054;

    [Fact]
    public void Ses_with_fixed_alpha_follows_the_level_recursion()
    {
        // α = 0.5, y = 10, 12, 11, 15, 14. ℓ0 = 10; e1 = 2 → ℓ1 = 11; e2 = 0 → ℓ2 = 11; e3 = 4 → ℓ3 = 13;
        // e4 = 1 → ℓ4 = 13.5. SSE = 4 + 0 + 16 + 1 = 21 over 4 errors, α fixed (0 parameters) → σ² = 5.25.
        // σ_h² = 5.25·(1 + (h−1)·0.25): h = 3 → 7.875.
        var fit = new SimpleExponentialSmoothingMethod(fixedAlpha: 0.5).Fit(new MonthlySeries(2024, 1, [10, 12, 11, 15, 14]));
        var forecast = fit.Forecast(3, [0.95]);

        forecast.Points.ShouldBe([13.5, 13.5, 13.5], 1e-12);
        forecast.IntervalAt(0.95).Upper[2].ShouldBe(13.5 + (Z95 * Math.Sqrt(7.875)), 1e-9);
        fit.IsSeasonallyAdjusted.ShouldBeFalse();
    }

    [Fact]
    public void Ses_fitted_on_a_straight_line_chooses_alpha_one()
    {
        // y = 1..10: with α = 1 every one-step error is 1 (SSE 9); any α < 1 lags further behind the line, so the
        // SSE minimum is at the boundary α = 1 and the forecast is the last value 10.
        var fit = new SimpleExponentialSmoothingMethod().Fit(new MonthlySeries(2024, 1, Enumerable.Range(1, 10).Select(i => (double)i).ToArray()));

        fit.Parameters["alpha"].ShouldBe(1.0);
        fit.Forecast(1, []).Points[0].ShouldBe(10.0, 1e-12);
    }

    [Fact]
    public void Damped_trend_with_fixed_parameters_follows_the_recursion()
    {
        // α = 0.5, β = 0.25, φ = 0.8, y = 10, 12, 13, 15, 16. Start ℓ1 = 12, b1 = 2.
        // t=2: ŷ = 12 + 1.6 = 13.6, e = −0.6, ℓ = 13.3, b = 1.6 − 0.15 = 1.45
        // t=3: ŷ = 13.3 + 1.16 = 14.46, e = 0.54, ℓ = 14.73, b = 1.16 + 0.135 = 1.295
        // t=4: ŷ = 14.73 + 1.036 = 15.766, e = 0.234, ℓ = 15.883, b = 1.036 + 0.0585 = 1.0945
        // Forecasts: h=1: 15.883 + 0.8·1.0945 = 16.7586; h=2: + 0.64·1.0945 = 17.45908.
        // SSE = 0.36 + 0.2916 + 0.054756 = 0.706356 over 3 errors → σ² = 0.235452.
        // Variance factor h=2: 1 + (α + βφ)² = 1 + 0.7² = 1.49.
        var fit = new DampedTrendMethod(new DampedTrendParameters(0.5, 0.25, 0.8)).Fit(new MonthlySeries(2024, 1, [10, 12, 13, 15, 16]));
        var forecast = fit.Forecast(2, [0.95]);

        forecast.Points[0].ShouldBe(16.7586, 1e-9);
        forecast.Points[1].ShouldBe(17.45908, 1e-9);
        forecast.IntervalAt(0.95).Upper[1].ShouldBe(17.45908 + (Z95 * Math.Sqrt(0.235452 * 1.49)), 1e-9);
    }

    [Fact]
    public void Damped_variance_closed_form_matches_the_sum_of_squared_weights()
    {
        // ETS(A,Ad,N) h-step variance factor must equal 1 + Σ_{j=1}^{h−1} c_j², c_j = α + β(φ + … + φ^j)
        // (its MA(∞) form), for any admissible parameters.
        var gen = Gen.Choose(0, 1000);
        Prop.ForAll(Arb.From(gen), Arb.From(gen), Arb.From(gen), (a, b, f) =>
        {
            var alpha = a / 1000.0;
            var beta = alpha * b / 1000.0;
            var phi = 0.8 + (0.18 * f / 1000.0);
            var parameters = new DampedTrendParameters(alpha, beta, phi);
            var sum = 1.0;
            var dampingSum = 0.0;
            for (var h = 1; h <= 36; h++)
            {
                Math.Abs(DampedTrendCore.VarianceFactor(parameters, h) - sum).ShouldBeLessThan(1e-9 * sum);
                dampingSum += Math.Pow(phi, h);
                var c = alpha + (beta * dampingSum);
                sum += c * c;
            }
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Damped_fit_respects_the_parameter_bounds()
    {
        // Fitted φ must stay in [0.8, 0.98] and 0 ≤ β ≤ α ≤ 1, whatever the series.
        var gen = Gen.Choose(-1000, 1000);
        Prop.ForAll(Arb.From(gen), Arb.From(gen), (slope, noiseSeed) =>
        {
            var random = new System.Random(noiseSeed);
            var values = Enumerable.Range(0, 24).Select(t => 100 + (slope / 100.0 * t) + (10 * random.NextDouble())).ToArray();
            var p = new DampedTrendMethod().Fit(new MonthlySeries(2020, 1, values)).Parameters;
            p["phi"].ShouldBeInRange(0.8, 0.98);
            p["alpha"].ShouldBeInRange(0, 1);
            p["beta"].ShouldBeInRange(0, p["alpha"]);
        }).QuickCheckThrowOnFailure();
    }
}
