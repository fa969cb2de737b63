using Qonys.Engines.Demography;

namespace Qonys.Tests.Demography;

public class CohortStepTests
{
    [Fact]
    public void One_sex_three_age_groups_by_hand()
    {
        // Ages 0, 1, 2+ (open). Start P = (100, 80, 50); survival S = (0.9, 0.8, 0.5); ASFR f = (0, 0.5, 0.2);
        // newborn survival L0/l0 = 0.95; no migration; one sex (every birth is counted).
        // end(1)  = P0·S0            = 100·0.9          = 90
        // end(2+) = P1·S1 + P2·S2    = 80·0.8 + 50·0.5  = 64 + 25 = 89
        // births  = 0.5·(80 + 90)/2 + 0.2·(50 + 89)/2 = 42.5 + 13.9 = 56.4
        // end(0)  = 56.4·0.95 = 53.58
        double[] start = [100, 80, 50], survival = [0.9, 0.8, 0.5], asfr = [0, 0.5, 0.2], none = [0, 0, 0];
        var end = new double[3];
        CohortStep.AgeCohorts(start, end, survival, none);
        var births = CohortStep.Births(asfr, start, end);
        end[0] = CohortStep.Newborns(births, 0.95, 0);
        end[1].ShouldBe(90, 1e-12);
        end[2].ShouldBe(89, 1e-12);
        births.ShouldBe(56.4, 1e-12);
        end[0].ShouldBe(53.58, 1e-12);
    }

    [Fact]
    public void Migration_enters_half_at_the_start_and_half_at_the_end()
    {
        // Same population, net migrants by age at the end of the year M = (2, 10, −4):
        // end(1)  = (P0 + M1/2)·S0 + M1/2 = (100 + 5)·0.9 + 5 = 99.5
        // end(2+) = P1·S1 + (P2 + M2/2)·S2 + M2/2 = 64 + (50 − 2)·0.5 − 2 = 86
        // end(0)  = (B + M0/2)·0.95 + M0/2 with B = 100: (100 + 1)·0.95 + 1 = 96.95
        double[] start = [100, 80, 50], survival = [0.9, 0.8, 0.5], migration = [2, 10, -4];
        var end = new double[3];
        CohortStep.AgeCohorts(start, end, survival, migration);
        end[1].ShouldBe(99.5, 1e-12);
        end[2].ShouldBe(86, 1e-12);
        CohortStep.Newborns(100, 0.95, migration[0]).ShouldBe(96.95, 1e-12);
    }

    [Fact]
    public void Closed_population_with_constant_rates_grows_at_the_Leslie_intrinsic_rate()
    {
        // Ten ages (9 = open). The test builds the Leslie matrix implied by the step equations itself and finds its dominant
        // eigenvalue λ by power iteration; the engine's step, repeated, must settle at growth factor λ (r = ln λ).
        const int n = 10;
        double[] survival = [0.97, 0.99, 0.99, 0.98, 0.98, 0.97, 0.95, 0.9, 0.8, 0.6];
        double[] asfr = [0, 0, 0.08, 0.45, 0.5, 0.35, 0.15, 0, 0, 0];
        const double birthSurvival = 0.98;

        var leslie = new double[n, n];
        for (var x = 1; x < n; x++) leslie[x, x - 1] = survival[x - 1];
        leslie[n - 1, n - 1] = survival[n - 1];
        // Births use (P(x) + Q(x))/2 with Q(x) = S(x−1)·P(x−1) (+ S(ω)·P(ω) in the open group), all female.
        for (var j = 0; j < n; j++)
        {
            var weight = asfr[j] / 2;
            if (j + 1 < n) weight += asfr[j + 1] / 2 * survival[j];
            if (j == n - 1) weight += asfr[n - 1] / 2 * survival[n - 1];
            leslie[0, j] = birthSurvival * weight;
        }
        var v = Enumerable.Repeat(1.0, n).ToArray();
        var lambda = 0.0;
        for (var iteration = 0; iteration < 2000; iteration++)
        {
            var w = new double[n];
            for (var i = 0; i < n; i++)
                for (var j = 0; j < n; j++) w[i] += leslie[i, j] * v[j];
            lambda = w.Sum() / v.Sum();
            v = w.Select(x => x / w.Sum()).ToArray();
        }

        var population = new double[n];
        population[0] = 1000; // far from stable at the start
        double growth = 0;
        for (var year = 0; year < 400; year++)
        {
            var end = new double[n];
            CohortStep.AgeCohorts(population, end, survival, new double[n]);
            end[0] = CohortStep.Newborns(CohortStep.Births(asfr, population, end), birthSurvival, 0);
            growth = end.Sum() / population.Sum();
            var total = end.Sum();
            population = end.Select(x => x / total).ToArray(); // renormalise to avoid overflow
        }
        lambda.ShouldBeGreaterThan(1.0); // these rates give a growing population (NRR > 1)
        Math.Log(growth).ShouldBe(Math.Log(lambda), 1e-10);
    }
}
