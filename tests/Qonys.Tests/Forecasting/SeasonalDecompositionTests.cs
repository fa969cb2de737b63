using Qonys.Engines.Forecasting;

namespace Qonys.Tests.Forecasting;

public class SeasonalDecompositionTests
{
    [Fact]
    public void Indices_of_a_purely_seasonal_series_are_recovered_exactly()
    {
        // y = 100·(0.8, 1.2, 0.9, 1.1) repeated 3 times (m = 4). Each 2×4 centred moving average spans one whole
        // cycle with total weight 1, so CMA = 100 everywhere and y/CMA is the pattern itself (already averaging 1).
        double[] pattern = [0.8, 1.2, 0.9, 1.1];
        var values = Enumerable.Range(0, 12).Select(t => 100 * pattern[t % 4]).ToArray();

        SeasonalDecomposition.MultiplicativeIndices(values, 4).ShouldBe(pattern, 1e-12);
    }

    [Fact]
    public void Indices_follow_the_position_from_the_first_observation_for_monthly_data()
    {
        // m = 12, pattern 1 + 0.05·(p − 5.5) (p = 0..11, mean exactly 1), level 200, 3 years. Same argument as above:
        // the 2×12 moving average is 200 everywhere, so the indices equal the pattern.
        var pattern = Enumerable.Range(0, 12).Select(p => 1 + (0.05 * (p - 5.5))).ToArray();
        var values = Enumerable.Range(0, 36).Select(t => 200 * pattern[t % 12]).ToArray();

        SeasonalDecomposition.MultiplicativeIndices(values, 12).ShouldBe(pattern, 1e-12);
    }

    [Fact]
    public void M4_test_detects_a_repeated_pattern()
    {
        // Deviations of 100·(0.8, 1.2, 0.9, 1.1) from 100: (−20, 20, −10, 10), Σd² = 1000 per cycle, 10 cycles (n = 40).
        // r_1 = −8800/10000, r_2 = 7600/10000, r_3 = −8300/10000, r_4 = 9000/10000.
        // Limit = 1.645·√((1 + 2·(0.7744 + 0.5776 + 0.6889))/40) = 0.586 < 0.9 → seasonal.
        double[] pattern = [0.8, 1.2, 0.9, 1.1];
        var values = Enumerable.Range(0, 40).Select(t => 100 * pattern[t % 4]).ToArray();

        SeasonalDecomposition.IsSeasonal(values, 4).ShouldBeTrue();
    }

    [Fact]
    public void M4_test_needs_three_seasons_and_variation()
    {
        // The same pattern over 11 observations (< 3·4) is refused; a constant series has no autocorrelation;
        // period 1 has no seasonality.
        double[] pattern = [0.8, 1.2, 0.9, 1.1];
        var eleven = Enumerable.Range(0, 11).Select(t => 100 * pattern[t % 4]).ToArray();

        SeasonalDecomposition.IsSeasonal(eleven, 4).ShouldBeFalse();
        SeasonalDecomposition.IsSeasonal(Enumerable.Repeat(5.0, 40).ToArray(), 4).ShouldBeFalse();
        SeasonalDecomposition.IsSeasonal(Enumerable.Range(0, 40).Select(t => 100 * pattern[t % 4]).ToArray(), 1).ShouldBeFalse();
    }

    [Fact]
    public void Non_positive_series_is_not_adjusted()
    {
        // Multiplicative decomposition is undefined with a zero; the rule then applies no adjustment.
        double[] pattern = [0.0, 1.2, 0.9, 1.1];
        var values = Enumerable.Range(0, 40).Select(t => 100 * pattern[t % 4]).ToArray();

        SeasonalDecomposition.IndicesWhenSeasonal(values, 4).ShouldBeNull();
    }
}
