using FsCheck;
using Qonys.Engines.Demography;

namespace Qonys.Tests.Demography;

public class SpragueGraduationTests
{
    [Fact]
    public void Property_graduated_single_years_add_back_to_every_group_and_are_not_negative()
    {
        Prop.ForAll(Arb.From(Gen.ArrayOf(8, Gen.Choose(0, 100_000))), counts =>
        {
            var groups = counts.Select(c => (double)c).ToArray();
            var single = SpragueGraduation.GraduateClosed(groups);
            for (var g = 0; g < groups.Length; g++)
            {
                var sum = single.Skip(5 * g).Take(5).Sum();
                if (Math.Abs(sum - groups[g]) > 1e-6 * Math.Max(1, groups[g])) return false;
            }
            return single.All(v => v >= 0);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_linear_single_year_profile_is_recovered_exactly()
    {
        // f(x) = 100 + 2x for ages 0 … 39 (8 groups). Group g sums to 5·100 + 2·(5g + 5g+1 + … + 5g+4) = 500 + 2·(25g + 10).
        // Sprague's multipliers reproduce polynomials up to degree 4, so every single year must come back as 100 + 2x.
        var groups = Enumerable.Range(0, 8).Select(g => 500.0 + 2 * (25 * g + 10)).ToArray();
        var single = SpragueGraduation.GraduateClosed(groups);
        for (var x = 0; x < 40; x++) single[x].ShouldBe(100 + 2.0 * x, 1e-9);
    }

    [Fact]
    public void Negative_values_at_a_steep_edge_are_clamped_and_the_group_total_kept()
    {
        // A first group far smaller than its neighbours makes the raw first-panel values negative
        // (e.g. age 0: 0.3616·1 − 0.2768·1000 + 0.1488·1000 − 0.0336·1000 = −161.2); they are set to 0 and the
        // group's positive values are scaled up so that it still sums to 1.
        double[] groups = [1, 1000, 1000, 1000, 1000];
        var single = SpragueGraduation.GraduateClosed(groups);
        single.ShouldAllBe(v => v >= 0);
        single.Take(5).Sum().ShouldBe(1, 1e-12);
        single.Skip(5).Take(5).Sum().ShouldBe(1000, 1e-9);
        // A tampered cell shows up in the check: move 3 from age 5 to age 4 and the two groups are off by 3.
        single[4] += 3;
        single[5] -= 3;
        SpragueGraduation.LargestGroupDeviation(groups, single).ShouldBe(3, 1e-9);
    }

    [Fact]
    public void The_WPP_base_population_graduates_back_to_its_5_year_groups()
    {
        var b = DemographyData.Wpp.BasePopulation;
        foreach (var groups in new[] { b.Male, b.Female })
        {
            var single = SpragueGraduation.GraduateWithOpenGroup(groups);
            single.Length.ShouldBe(101);
            for (var g = 0; g < 20; g++) single.Skip(5 * g).Take(5).Sum().ShouldBe(groups[g], 1e-9);
            single[100].ShouldBe(groups[20]);
            SpragueGraduation.LargestGroupDeviation(groups, single).ShouldBeLessThan(1e-9);
            single.ShouldAllBe(v => v >= 0);
        }
        (b.Male.Sum() + b.Female.Sum()).ShouldBe(20843.754, 0.01); // SOURCES.md 1.2
    }
}
