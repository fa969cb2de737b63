namespace Qonys.Engines.Demography;

/// <summary>
/// Moves the WPP base population from about 1 July 2025 to 1 January 2026 with half a year of the 2025 components:
/// every single-year cohort is exposed to half a year of the 2025 mortality (exp(−μ/2), μ the single-age hazard of the
/// life table calibrated to WPP's 2025 e0); under uniform birthdays half of those aged x move up to x+1;
/// births of the half year are half the annual births of the mid-2025 women, surviving on average
/// (1 − exp(−μ0/2))/(μ0/2); half of the 2025 WPP net migration by age and sex is added.
/// </summary>
internal static class BaseDateShift
{
    public static double[] ToFirstJanuary(double[] midYear, StepRates rates, double tfr)
    {
        var result = new double[ProjectionModel.Cells];
        var births = 0.0;
        for (var x = 15; x <= 49; x++) births += 0.5 * tfr * rates.FertilityPattern[x] * midYear[AgeGrid.Count + x];
        for (var s = 0; s < 2; s++)
        {
            var mx = s == 0 ? rates.MxMale : rates.MxFemale;
            var target = s == 0 ? rates.LifeExpectancy.Male.Median : rates.LifeExpectancy.Female.Median;
            var k = AbridgedLifeTable.SolveHazardFactor(mx, target);
            var o = s * AgeGrid.Count;
            var half = new double[AgeGrid.Count];
            for (var x = 0; x < AgeGrid.Count; x++) half[x] = Math.Exp(-0.5 * k * mx[GroupOf(x)]);
            var sexBirths = births * (s == 0 ? rates.SexRatioAtBirth / (1 + rates.SexRatioAtBirth) : 1 / (1 + rates.SexRatioAtBirth));
            var mu0 = 0.5 * k * mx[0];
            result[o] = 0.5 * midYear[o] * half[0] + sexBirths * (1 - Math.Exp(-mu0)) / mu0;
            for (var x = 1; x < AgeGrid.Open; x++)
                result[o + x] = 0.5 * midYear[o + x] * half[x] + 0.5 * midYear[o + x - 1] * half[x - 1];
            result[o + AgeGrid.Open] = midYear[o + AgeGrid.Open] * half[AgeGrid.Open] + 0.5 * midYear[o + AgeGrid.Open - 1] * half[AgeGrid.Open - 1];
            for (var x = 0; x < AgeGrid.Count; x++) result[o + x] = Math.Max(0, result[o + x] + 0.5 * rates.Migration[o + x]);
        }
        return result;
    }

    /// <summary>The abridged group (0, 1-4, 5-9 … 100+) containing single age x.</summary>
    internal static int GroupOf(int age) => age == 0 ? 0 : age < 5 ? 1 : Math.Min(age / 5 + 1, AbridgedLifeTable.GroupCount - 1);
}
