namespace Qonys.Engines.Demography;

/// <summary>Survival of one sex in one year on the single-year grid.</summary>
/// <param name="Survival">
/// S(x) = L(x+1)/L(x) for x = 0 … 98; S(99) = L(100)/L(99) carries age 99 into the open group, where L(100) is the first
/// year lived in 100+; S(100) = exp(−m(100+)) is the one-year survival inside the open group.
/// </param>
/// <param name="BirthSurvival">L(0)/l(0): share of the year's births alive at the end of the year.</param>
/// <param name="LifeExpectancy">e0 of the life table.</param>
public sealed record SingleYearSurvival(IReadOnlyList<double> Survival, double BirthSurvival, double LifeExpectancy);

/// <summary>
/// Life tables from abridged central death rates (groups 0, 1-4, 5-9 … 95-99, 100+), assuming a constant force of
/// mortality inside each abridged group, equal to the group's m(x) (exact for a piecewise-constant hazard):
/// l(x+n) = l(x)·exp(−n·m), nL(x) = l(x)·(1 − exp(−n·m))/m, L(100+) = l(100)/m(100+).
/// Single-year l(x) follow from the same assumption (log-linear l(x) inside each group), so the single-year
/// table has exactly the e0 of the abridged one. Mortality scenarios multiply all m(x) by one factor k (proportional hazards).
/// </summary>
public static class AbridgedLifeTable
{
    /// <summary>Number of abridged groups: 0, 1-4, 5-9 … 95-99, 100+.</summary>
    public const int GroupCount = 22;

    /// <summary>Start age of each abridged group.</summary>
    public static IReadOnlyList<int> GroupStart { get; } =
        [0, 1, .. Enumerable.Range(1, 20).Select(i => 5 * i)];

    private static int Width(int group) => group == 0 ? 1 : group == 1 ? 4 : 5;

    /// <summary>Life expectancy at birth of the table with rates k·m(x).</summary>
    public static double LifeExpectancy(IReadOnlyList<double> mx, double factor = 1.0)
    {
        ArgumentNullException.ThrowIfNull(mx);
        return LifeExpectancy(mx.ToArray().AsSpan(), factor);
    }

    internal static double LifeExpectancy(ReadOnlySpan<double> mx, double factor)
    {
        var l = 1.0;
        var e0 = 0.0;
        for (var g = 0; g < GroupCount - 1; g++)
        {
            var m = factor * mx[g];
            var n = Width(g);
            var survive = Math.Exp(-n * m);
            e0 += m > 1e-12 ? l * (1 - survive) / m : l * n;
            l *= survive;
        }
        return e0 + l / (factor * mx[GroupCount - 1]);
    }

    /// <summary>
    /// The proportional hazard factor k with e0(k·m) = <paramref name="targetE0"/>, found by the secant method on ln k
    /// (e0 decreases monotonically in k), with bisection as a safeguard.
    /// </summary>
    public static double SolveHazardFactor(IReadOnlyList<double> mx, double targetE0)
    {
        ArgumentNullException.ThrowIfNull(mx);
        return SolveHazardFactor(mx.ToArray().AsSpan(), targetE0);
    }

    internal static double SolveHazardFactor(ReadOnlySpan<double> mx, double targetE0)
    {
        double lo = -8, hi = 8; // bracket for ln k
        double x0 = 0, f0 = LifeExpectancy(mx, 1) - targetE0;
        if (Math.Abs(f0) < 1e-10) return 1;
        double x1 = f0 > 0 ? 0.05 : -0.05, f1 = LifeExpectancy(mx, Math.Exp(x1)) - targetE0;
        for (var i = 0; i < 100; i++)
        {
            if (f0 > 0) lo = Math.Max(lo, x0); else hi = Math.Min(hi, x0);
            if (f1 > 0) lo = Math.Max(lo, x1); else hi = Math.Min(hi, x1);
            if (Math.Abs(f1) < 1e-10) return Math.Exp(x1);
            var next = f1 != f0 ? x1 - f1 * (x1 - x0) / (f1 - f0) : 0.5 * (lo + hi);
            if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
            x0 = x1; f0 = f1;
            x1 = next; f1 = LifeExpectancy(mx, Math.Exp(x1)) - targetE0;
        }
        return Math.Exp(x1);
    }

    /// <summary>Single-year survival ratios of the table with rates k·m(x).</summary>
    public static SingleYearSurvival Survival(IReadOnlyList<double> mx, double factor = 1.0)
    {
        ArgumentNullException.ThrowIfNull(mx);
        var s = new double[AgeGrid.Count];
        var e0 = FillSurvival(mx.ToArray(), factor, s, out var birth);
        return new SingleYearSurvival(s, birth, e0);
    }

    /// <summary>Allocation-free form of <see cref="Survival"/>: fills 101 survival ratios, returns e0.</summary>
    internal static double FillSurvival(ReadOnlySpan<double> mx, double factor, Span<double> survival, out double birthSurvival)
    {
        // Inside a group of constant hazard μ, L(x+1)/L(x) = exp(−μ); across a group boundary
        // L(x+1)/L(x) = exp(−μ_g)·[(1 − exp(−μ_g+1))/μ_g+1] / [(1 − exp(−μ_g))/μ_g].
        var l = 1.0;
        var e0 = 0.0;
        var age = 0;
        var previousLived = 0.0; // person-years per survivor at exact age, in the previous group
        var previousYear = 1.0;
        birthSurvival = 0;
        for (var g = 0; g < GroupCount - 1; g++)
        {
            var m = factor * mx[g];
            var oneYear = Math.Exp(-m);
            var livedPerSurvivor = m > 1e-12 ? (1 - oneYear) / m : 1.0;
            if (g == 0) birthSurvival = livedPerSurvivor;
            else survival[age - 1] = previousYear * livedPerSurvivor / previousLived;
            var width = Width(g);
            var groupSurvival = oneYear;
            for (var k = 0; k < width - 1; k++)
            {
                survival[age + k] = oneYear;
                groupSurvival *= oneYear;
            }
            e0 += m > 1e-12 ? l * (1 - groupSurvival) / m : l * width;
            l *= groupSurvival;
            age += width;
            previousLived = livedPerSurvivor;
            previousYear = oneYear;
        }
        var open = factor * mx[GroupCount - 1];
        var openYear = Math.Exp(-open);
        survival[AgeGrid.Open - 1] = previousYear * ((1 - openYear) / open) / previousLived;
        survival[AgeGrid.Open] = openYear;
        return e0 + l / open;
    }
}
