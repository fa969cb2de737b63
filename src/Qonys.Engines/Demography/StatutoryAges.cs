namespace Qonys.Engines.Demography;

/// <summary>
/// Working-age boundaries in force from 1 January of <see cref="EffectiveYear"/>: working age starts at
/// <see cref="WorkingAgeFrom"/>; people at or above the retirement age of their sex are "above working age".
/// Fractional ages (61.5) count that share of the single-year cohort as still of working age.
/// </summary>
public sealed record StatutoryAgeRule(int EffectiveYear, double WorkingAgeFrom, double RetirementAgeMale, double RetirementAgeFemale);

/// <summary>A schedule of statutory ages with effective years (the rule with the latest effective year not after the given year applies).</summary>
public sealed record StatutoryAges(IReadOnlyList<StatutoryAgeRule> Rules)
{
    /// <summary>
    /// Kazakhstan as the engine's default: working age from 16; men retire at 63; women at 61 until 2027, then
    /// +0.5 year every 1 January from 2028 to 63 in 2031 (Social Code of 2023, which kept the moratorium on raising
    /// the women's age until 2028). The rules are data: replace them if the law or its reading differs.
    /// </summary>
    public static StatutoryAges Kazakhstan { get; } = new(
    [
        new StatutoryAgeRule(2000, 16, 63, 61),
        new StatutoryAgeRule(2028, 16, 63, 61.5),
        new StatutoryAgeRule(2029, 16, 63, 62),
        new StatutoryAgeRule(2030, 16, 63, 62.5),
        new StatutoryAgeRule(2031, 16, 63, 63),
    ]);

    /// <summary>The rule in force on 1 January of <paramref name="year"/>.</summary>
    public StatutoryAgeRule For(int year)
    {
        StatutoryAgeRule? best = null;
        foreach (var rule in Rules)
            if (rule.EffectiveYear <= year && (best is null || rule.EffectiveYear > best.EffectiveYear)) best = rule;
        return best ?? Rules.MinBy(r => r.EffectiveYear) ?? throw new InvalidOperationException("No statutory age rules.");
    }

    /// <summary>Population below working age, of working age and above it for one sex (ages 0 … 100+).</summary>
    internal static (double Below, double Working, double Above) Split(ReadOnlySpan<double> ages, double from, double retirement)
    {
        // A fractional boundary a = n + f counts the share f of age n on the lower side (age n is [n, n+1) in exact age).
        var fromAge = Math.Min((int)Math.Floor(from), ages.Length - 1);
        var retireAge = Math.Min((int)Math.Floor(retirement), ages.Length - 1);
        double below = 0, above = 0, total = 0;
        for (var x = 0; x < ages.Length; x++)
        {
            total += ages[x];
            if (x < fromAge) below += ages[x];
            else if (x > retireAge) above += ages[x];
        }
        below += (from - fromAge) * ages[fromAge];
        above += (1 - (retirement - retireAge)) * ages[retireAge];
        return (below, total - below - above, above);
    }
}
