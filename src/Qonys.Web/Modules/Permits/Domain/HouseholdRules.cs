namespace Qonys.Web.Modules.Permits.Domain;

/// <summary>The household-permit rules: term, the per-employer limit, the prepaid tax. Pure.</summary>
internal static class HouseholdRules
{
    public const string Term = "household_term";
    public const string Limit = "household_limit";

    public static RuleRefusal? TermProblem(int months, RuleParameter min, RuleParameter max) =>
        months < min.Value || months > max.Value
            ? new(Term, $"A household labour-immigrant permit lasts {min.Value:0} to {max.Value:0} months; {months} were asked for.")
            : null;

    /// <summary>The lowest free slot of an employer holding <paramref name="taken"/>, or null when all <paramref name="max"/> are taken.</summary>
    public static int? FreeSlot(IEnumerable<int> taken, int max)
    {
        var used = taken.ToHashSet();
        for (var slot = 1; slot <= max; slot++)
            if (!used.Contains(slot)) return slot;
        return null;
    }

    public static RuleRefusal LimitReached(string iin, int max) =>
        new(Limit, $"The household employer {Mask(iin)} already has {max} active household labour-immigrant permits, the most allowed.");

    /// <summary>Prepaid income tax: <paramref name="mciPerMonth"/> MCI for each month of the permit, in MCI and in KZT of the issue year.</summary>
    public static (int Mci, long Kzt) PrepaidTax(int months, decimal mciPerMonth, decimal mciKzt)
    {
        var mci = (int)(mciPerMonth * months);
        return (mci, (long)decimal.Round(mci * mciKzt, 0, MidpointRounding.AwayFromZero));
    }

    /// <summary>An IIN shown in messages: the last four digits only.</summary>
    public static string Mask(string iin) => iin.Length == 12 ? "********" + iin[8..] : iin;
}
