using Qonys.Engines.Demography;

namespace Qonys.Tests.Demography;

public class LifeTableTests
{
    [Theory]
    [InlineData(0.01)]
    [InlineData(0.05)]
    public void Constant_hazard_gives_e0_of_one_over_m(double m)
    {
        // With the same m in all 22 groups the table is exponential: e0 = ∫ exp(−m·t) dt = 1/m.
        var mx = Enumerable.Repeat(m, 22).ToArray();
        AbridgedLifeTable.LifeExpectancy(mx).ShouldBe(1 / m, 1e-9);
        AbridgedLifeTable.Survival(mx).LifeExpectancy.ShouldBe(1 / m, 1e-9);
    }

    [Fact]
    public void Constant_hazard_to_100_then_a_different_open_rate_matches_the_exact_formula()
    {
        // m = 0.02 up to ω = 100, m(100+) = 0.5: e0 = (1 − exp(−m·ω))/m + exp(−m·ω)/0.5
        //   = (1 − e^−2)/0.02 + 2·e^−2 = 43.2332358 + 0.2706706 = 43.5039064.
        var mx = Enumerable.Repeat(0.02, 21).Append(0.5).ToArray();
        var expected = (1 - Math.Exp(-2)) / 0.02 + Math.Exp(-2) / 0.5;
        AbridgedLifeTable.LifeExpectancy(mx).ShouldBe(expected, 1e-9);
        var s = AbridgedLifeTable.Survival(mx);
        s.LifeExpectancy.ShouldBe(expected, 1e-9);
        s.Survival[50].ShouldBe(Math.Exp(-0.02), 1e-12); // inside a constant-hazard stretch S(x) = exp(−m)
        s.Survival[100].ShouldBe(Math.Exp(-0.5), 1e-12);
        s.BirthSurvival.ShouldBe((1 - Math.Exp(-0.02)) / 0.02, 1e-12); // L0/l0
    }

    [Fact]
    public void Survival_across_a_group_boundary_is_the_ratio_of_person_years()
    {
        // m = 0.01 below 50 and 0.05 from 50 (groups 11 … 21). With l = l(49):
        // L(49) = l·(1 − e^−0.01)/0.01 and L(50) = l·e^−0.01·(1 − e^−0.05)/0.05, so
        // S(49) = e^−0.01 · [(1 − e^−0.05)/0.05] / [(1 − e^−0.01)/0.01] = 0.990050 · 0.975412 / 0.995017 = 0.970542.
        var mx = Enumerable.Range(0, 22).Select(g => g < 11 ? 0.01 : 0.05).ToArray();
        var s = AbridgedLifeTable.Survival(mx);
        var expected = Math.Exp(-0.01) * ((1 - Math.Exp(-0.05)) / 0.05) / ((1 - Math.Exp(-0.01)) / 0.01);
        s.Survival[49].ShouldBe(expected, 1e-12);
        s.Survival[48].ShouldBe(Math.Exp(-0.01), 1e-12);
        s.Survival[50].ShouldBe(Math.Exp(-0.05), 1e-12);
    }

    [Fact]
    public void Hazard_factor_hits_the_target_life_expectancy()
    {
        var mx = DemographyData.Wpp.Mortality.First(p => p.MidYear == 2028).MaleMx;
        foreach (var target in new[] { 65.0, 72.5, 80.0 })
        {
            var k = AbridgedLifeTable.SolveHazardFactor(mx, target);
            AbridgedLifeTable.LifeExpectancy(mx, k).ShouldBe(target, 1e-8);
        }
    }

    [Fact]
    public void Life_tables_from_WPP_mx_reproduce_the_WPP_period_e0()
    {
        // The exponential-within-group table should be within 0.2 years of WPP's own e0 in every period 1950-2100
        // (WPP uses its own a(x); the main difference is a(0) of the infant group in high-mortality periods).
        var wpp = DemographyData.Wpp;
        foreach (var period in wpp.Mortality)
        {
            var e0 = wpp.PeriodLifeExpectancy.First(e => e.MidYear == period.MidYear);
            AbridgedLifeTable.LifeExpectancy(period.MaleMx).ShouldBe(e0.Male, 0.2, $"male {period.MidYear}");
            AbridgedLifeTable.LifeExpectancy(period.FemaleMx).ShouldBe(e0.Female, 0.2, $"female {period.MidYear}");
        }
    }
}
