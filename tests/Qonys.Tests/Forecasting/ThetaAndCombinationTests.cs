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
    public void Combination_is_the_mean_of_ses_damped_and_theta_worked_by_hand()
    {
        // y = 10, 12, 13, 15, 16 (t = 0..4), each component with fixed parameters, worked by hand:
        // SES α = 0.5: ℓ = 10, 11, 12, 13.5, 14.75 → 14.75 at every horizon.
        // Damped α = 0.5, β = 0.25, φ = 0.8 (worked in SmoothingTests): 16.7586, 17.45908.
        // Theta α = 0.5: line mean t = 2, mean y = 13.2, Sxy = 6.4 + 1.2 + 0 + 1.8 + 5.6 = 15, Sxx = 10 → b = 1.5, a = 10.2;
        //   L = 10.2, 11.7, 13.2, 14.7, 16.2; Z = 2y − L = 9.8, 12.3, 12.8, 15.3, 15.8;
        //   SES α = 0.5 on Z: ℓ = 9.8, 11.05, 11.925, 13.6125, 14.70625;
        //   h = 1: ½·14.70625 + ½·(10.2 + 1.5·5) = 7.353125 + 8.85 = 16.203125; h = 2: + 0.75 = 16.953125.
        // Combination: h = 1: (14.75 + 16.7586 + 16.203125)/3 = 47.711725/3; h = 2: (14.75 + 17.45908 + 16.953125)/3 = 49.162205/3.
        var method = new CombinationMethod(new SimpleExponentialSmoothingMethod(fixedAlpha: 0.5),
            new DampedTrendMethod(new DampedTrendParameters(0.5, 0.25, 0.8)), new ThetaMethod(fixedAlpha: 0.5));

        var forecast = method.Fit(new MonthlySeries(2024, 1, [10, 12, 13, 15, 16])).Forecast(2, [0.95]);

        forecast.Points.ShouldBe([47.711725 / 3, 49.162205 / 3], 1e-9);
        forecast.IntervalBasis.ShouldBe(IntervalBasis.EmpiricalInSample);
    }

    [Fact]
    public void Combination_of_the_fitted_methods_on_a_straight_line_is_known_in_closed_form()
    {
        // y = 5 + 2t, t = 0..9 (last value 23), every component fitted. SES chooses α = 1 (SmoothingTests) → 23;
        // Theta gives 23 + h (the first test); a damped trend extends the line with its slope 2 damped by a φ that the
        // fit keeps in [0.8, 0.98]: 23 + 2·(φ + … + φ^h). So the mean of the three lies between its values at φ = 0.8
        // and at φ = 0.98.
        var series = new MonthlySeries(2024, 1, Enumerable.Range(0, 10).Select(t => 5.0 + (2 * t)).ToArray());
        var forecast = new CombinationMethod().Fit(series).Forecast(6, []);

        for (var h = 1; h <= 6; h++)
        {
            double Damped(double phi) => 23 + (2 * Enumerable.Range(1, h).Sum(k => Math.Pow(phi, k)));
            forecast.Points[h - 1].ShouldBeInRange(((23 + 23 + h + Damped(0.8)) / 3) - 1e-6, ((23 + 23 + h + Damped(0.98)) / 3) + 1e-6, $"h = {h}");
        }
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
