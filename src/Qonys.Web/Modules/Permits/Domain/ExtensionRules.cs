namespace Qonys.Web.Modules.Permits.Domain;

/// <summary>A refusal by a named business rule (answered as 422 naming the rule).</summary>
internal sealed record RuleRefusal(string Rule, string Detail);

/// <summary>The rule values the extension rules read, each with its version.</summary>
internal sealed record ExtensionRuleValues(
    RuleParameter WindowMaxDaysBeforeExpiry, RuleParameter WindowMinDaysBeforeExpiry, RuleParameter Cat23MaxExtensions,
    RuleParameter Cat23ExtensionMaxMonths, RuleParameter IctExtensionMonths, RuleParameter IctMaxExtensions, RuleParameter Cat1MaxTermMonths);

/// <summary>
/// When and how far a permit may be extended (PRODUCT.md §2.2, §3). Pure: dates and rule values in, a refusal or null out.
/// <list type="bullet">
/// <item>window: applied between 60 and 30 calendar days (inclusive) before the last valid day;</item>
/// <item>categories 2–3: at most 3 extensions, each of at most 12 months;</item>
/// <item>ICT: one extension of at most 12 months;</item>
/// <item>category 1: extensions while the whole term stays within 36 months (the 1–3 year term);</item>
/// <item>category 4 and seasonal: no extension is provided for (a new application is needed).</item>
/// </list>
/// </summary>
internal static class ExtensionRules
{
    public const string Window = "extension_window";
    public const string Limit = "extension_limit";
    public const string NotProvided = "extension_not_provided";

    /// <summary>Calendar days from <paramref name="today"/> to the permit's last valid day.</summary>
    public static int DaysBeforeExpiry(DateOnly validUntil, DateOnly today) => validUntil.DayNumber - today.DayNumber;

    /// <summary>The new last valid day after extending by <paramref name="months"/>: the term continues the day after the old one.</summary>
    public static DateOnly ExtendedUntil(DateOnly validUntil, int months) => validUntil.AddDays(1).AddMonths(months).AddDays(-1);

    public static RuleRefusal? Check(string category, DateOnly validFrom, DateOnly validUntil, int extensionsSoFar, int months, DateOnly today,
        ExtensionRuleValues v)
    {
        if (category is PermitCategory.SkilledWorkers or PermitCategory.Seasonal)
            return new(NotProvided, $"Category {category} permits are not extended (at most 12 months); apply for a new permit instead.");
        var days = DaysBeforeExpiry(validUntil, today);
        var max = (int)v.WindowMaxDaysBeforeExpiry.Value;
        var min = (int)v.WindowMinDaysBeforeExpiry.Value;
        if (days > max || days < min)
            return new(Window, $"An extension is applied for {max} to {min} days before the permit expires on {validUntil:yyyy-MM-dd}; today is {days} days before.");
        switch (category)
        {
            case PermitCategory.DivisionHeads or PermitCategory.Specialists:
            {
                var most = (int)v.Cat23MaxExtensions.Value;
                if (extensionsSoFar >= most)
                    return new(Limit, $"Category {category} permits are extended at most {most} times; this one was extended {extensionsSoFar} times.");
                var longest = (int)v.Cat23ExtensionMaxMonths.Value;
                return months > longest ? new(Limit, $"A category {category} extension is at most {longest} months; {months} were asked for.") : null;
            }
            case PermitCategory.Ict:
            {
                var most = (int)v.IctMaxExtensions.Value;
                if (extensionsSoFar >= most)
                    return new(Limit, $"An intra-corporate transfer is extended at most {most} time(s); this one was extended {extensionsSoFar} time(s).");
                var longest = (int)v.IctExtensionMonths.Value;
                return months > longest ? new(Limit, $"An intra-corporate transfer extension is at most {longest} months; {months} were asked for.") : null;
            }
            default:
            {
                var term = (int)v.Cat1MaxTermMonths.Value;
                var latest = validFrom.AddMonths(term).AddDays(-1);
                var until = ExtendedUntil(validUntil, months);
                return until > latest
                    ? new(Limit, $"A category 1 permit lasts at most {term} months in all (until {latest:yyyy-MM-dd}); extending by {months} months would reach {until:yyyy-MM-dd}.")
                    : null;
            }
        }
    }
}
