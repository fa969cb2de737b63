using Qonys.Engines.Forecasting;

namespace Qonys.Tests.Forecasting;

public class ThetaAndCombinationTests
{
    [Fact]
    public void Theta_on_a_straight_line_extends_it_at_half_the_slope_from_the_last_value()
    {
        // y_t = 5 + 2t, t = 0..9. The theta=0 line is the least-squares line itself: a = 5, b = 2, and it continues
        // exactly: L_{9+h} = 23 + 2h. The theta=2 line Z = 2y − L = y; SES on it fits α = 1 (see SES test), so
        // ℓ_9 = 23. Forecast = ½·23 + ½·(23 + 2h) = 23 + h: the classical Theta forecast grows at b/2 per month.
        var fit = new ThetaMethod().Fit(new MonthlySeries(2024, 1, Enumerable.Range(0, 10).Select(t => 5.0 + (2 * t)).ToArray()));
        var forecast = fit.Forecast(3, [0.8]);

        fit.Parameters["intercept"].ShouldBe(5.0, 1e-12);
        fit.Parameters["slope"].ShouldBe(2.0, 1e-12);
        fit.Parameters["alpha"].ShouldBe(1.0);
        forecast.Points.ShouldBe([24.0, 25.0, 26.0], 1e-9);
        forecast.IntervalBasis.ShouldBe(IntervalBasis.EmpiricalInSample);
    }

    [Fact]
    public void Theta_with_fixed_alpha_is_half_ses_of_theta_line_plus_half_line()
    {
        // y = 2, 4, 3, 7 (t = 0..3). Line: mean t = 1.5, mean y = 4; Sxy = (−1.5)(−2) + (−0.5)(0) + (0.5)(−1) + (1.5)(3)
        // = 3 + 0 − 0.5 + 4.5 = 7, Sxx = 5 → b = 1.4, a = 4 − 2.1 = 1.9. L = 1.9, 3.3, 4.7, 6.1.
        // Z = 2y − L = 2.1, 4.7, 1.3, 7.9. SES α = 0.5: ℓ = 2.1, 3.4, 2.35, 5.125.
        // h = 1: ½·5.125 + ½·(1.9 + 1.4·4) = 2.5625 + 3.75 = 6.3125; h = 2: + 0.7 = 7.0125.
        var forecast = new ThetaMethod(fixedAlpha: 0.5).Fit(new MonthlySeries(2024, 1, [2, 4, 3, 7])).Forecast(2, []);

        forecast.Points.ShouldBe([6.3125, 7.0125], 1e-9);
    }

    [Fact]
    public void Combination_is_the_mean_of_ses_damped_and_theta()
    {
        // Equal weights: each step of the combination equals (SES + damped + Theta)/3 fitted separately.
        var random = new Random(7);
        var values = Enumerable.Range(0, 48).Select(t => 500 + (3.0 * t) + (60 * Math.Sin(t * Math.PI / 6)) + (40 * random.NextDouble())).ToArray();
        var series = new MonthlySeries(2020, 1, values);
        const int h = 18;

        var combination = new CombinationMethod().Fit(series).Forecast(h, [0.95]);
        var ses = new SimpleExponentialSmoothingMethod().Fit(series).Forecast(h, []);
        var damped = new DampedTrendMethod().Fit(series).Forecast(h, []);
        var theta = new ThetaMethod().Fit(series).Forecast(h, []);

        for (var k = 0; k < h; k++)
        {
            combination.Points[k].ShouldBe((ses.Points[k] + damped.Points[k] + theta.Points[k]) / 3, 1e-9);
        }
        combination.IntervalBasis.ShouldBe(IntervalBasis.EmpiricalInSample);
    }

    [Fact]
    public void Empirical_intervals_are_root_mean_square_in_sample_errors()
    {
        // Theta with α = 1 on y = 2, 4, 3, 7 (line a = 1.9, b = 1.4 as above; Z = 2.1, 4.7, 1.3, 7.9, ℓ_t = Z_t).
        // Forecast from origin t, k steps: ½Z_t + ½(1.9 + 1.4(t + k)).
        // k = 1: t=0: 1.05 + 1.65 = 2.7 (y=4, e=1.3); t=1: 2.35 + 2.35 = 4.7 (y=3, e=−1.7); t=2: 0.65 + 3.05 = 3.7 (y=7, e=3.3)
        //   → σ_1 = √((1.69 + 2.89 + 10.89)/3) = √5.1566…
        // k = 2: t=0: 1.05 + 2.35 = 3.4 (y=3, e=−0.4); t=1: 2.35 + 3.05 = 5.4 (y=7, e=1.6) → σ_2 = √((0.16 + 2.56)/2) = √1.36,
        //   raised to σ_1 by the running maximum (intervals never narrow).
        // k = 3: t=0: 1.05 + 3.05 = 4.1 (y=7, e=2.9) → σ_3 = 2.9.
        // k = 4: beyond the history → σ_3·√(4/3).
        var forecast = new ThetaMethod(fixedAlpha: 1).Fit(new MonthlySeries(2024, 1, [2, 4, 3, 7])).Forecast(4, [0.95]);
        var interval = forecast.IntervalAt(0.95);
        const double z = 1.959963984540054;
        var sigma1 = Math.Sqrt((1.69 + 2.89 + 10.89) / 3);
        double[] expected = [sigma1, sigma1, 2.9, 2.9 * Math.Sqrt(4.0 / 3)];

        for (var k = 0; k < 4; k++)
        {
            (interval.Upper[k] - forecast.Points[k]).ShouldBe(z * expected[k], 1e-9);
        }
    }
}
