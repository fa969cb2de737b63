namespace Qonys.Engines.Demography;

/// <summary>
/// The arithmetic of one annual cohort-component step for one sex on an age grid whose last cell is an open group.
/// Net migrants of age x (age at the end of the year) arrive half at the start of the year, at age x−1 and exposed to its
/// survival ratio, and half at the end: end(x) = (start(x−1) + M(x)/2)·S(x−1) + M(x)/2; the open group also keeps its own
/// survivors: end(ω) = start(ω−1)·S(ω−1) + (start(ω) + M(ω)/2)·S(ω) + M(ω)/2. Cells are floored at zero.
/// </summary>
internal static class CohortStep
{
    /// <summary>Fills end(1 … ω) from start; end(0) is left to <see cref="Newborns"/>.</summary>
    public static void AgeCohorts(ReadOnlySpan<double> start, Span<double> end, ReadOnlySpan<double> survival, ReadOnlySpan<double> migration)
    {
        var open = start.Length - 1;
        for (var x = 1; x < open; x++)
        {
            var half = 0.5 * migration[x];
            end[x] = Math.Max(0, (start[x - 1] + half) * survival[x - 1] + half);
        }
        var halfOpen = 0.5 * migration[open];
        end[open] = Math.Max(0, start[open - 1] * survival[open - 1] + (start[open] + halfOpen) * survival[open] + halfOpen);
    }

    /// <summary>Births of the year: Σ ASFR(x)·(W_start(x) + W_end(x))/2 (women exposed: average of start and end).</summary>
    public static double Births(ReadOnlySpan<double> asfr, ReadOnlySpan<double> womenStart, ReadOnlySpan<double> womenEnd)
    {
        var births = 0.0;
        for (var x = 0; x < asfr.Length; x++)
            if (asfr[x] != 0) births += asfr[x] * 0.5 * (womenStart[x] + womenEnd[x]);
        return births;
    }

    /// <summary>Age 0 at the end of the year: (births + M(0)/2)·L0/l0 + M(0)/2.</summary>
    public static double Newborns(double births, double birthSurvival, double migrationAgeZero) =>
        Math.Max(0, (births + 0.5 * migrationAgeZero) * birthSurvival + 0.5 * migrationAgeZero);
}
