namespace Qonys.Web.Modules.Permits.Domain;

/// <summary>What an employer asks to change on an issued permit.</summary>
public static class ChangeRequestKind
{
    public const string Extension = "extension";
    public const string Replacement = "replacement";
}

/// <summary>Statuses of a change request: pending until an officer decides, or closed when the permit ended first.</summary>
public static class ChangeRequestStatus
{
    public const string Pending = "pending";
    public const string Approved = "approved";
    public const string Rejected = "rejected";
    public const string Closed = "closed";
}

/// <summary>
/// An employer's request to extend a permit or to replace its worker, decided by an officer of the region within
/// the working-day deadline of its kind.
/// </summary>
public sealed class PermitChangeRequest
{
    public Guid Id { get; set; }
    public string Kind { get; set; } = "";
    public string PermitNumber { get; set; } = "";
    public Guid ApplicationId { get; set; }
    public string EmployerBin { get; set; } = "";
    public string RegionCode { get; set; } = "";
    public string Category { get; set; } = "";
    /// <summary>Extension: the months asked for.</summary>
    public int? Months { get; set; }
    /// <summary>Replacement: the new worker.</summary>
    public string? WorkerFullName { get; set; }
    public string? WorkerPassportNumber { get; set; }
    public string? WorkerCitizenship { get; set; }
    public DateOnly? WorkerBirthDate { get; set; }
    public string? WorkerEducation { get; set; }
    /// <summary>The employer's explanation (e.g. why the worker left).</summary>
    public string? RequestReason { get; set; }
    public string Status { get; set; } = ChangeRequestStatus.Pending;
    public DateOnly RequestedOn { get; set; }
    public DateOnly DecisionDueOn { get; set; }
    public DateTime CreatedAt { get; set; }
    public Guid? CreatedBy { get; set; }
    public DateTime? DecidedAt { get; set; }
    public Guid? DecidedBy { get; set; }
    public string? DecisionReason { get; set; }
    /// <summary>Replacement: the permit issued to the new worker.</summary>
    public string? NewPermitNumber { get; set; }

    public bool IsOverdue(DateOnly today) => Status == ChangeRequestStatus.Pending && DecisionDueOn < today;
}

/// <summary>A refusal by a named business rule (answered as 422 naming the rule).</summary>
public sealed record RuleRefusal(string Rule, string Detail);

/// <summary>The rule values the extension rules read, each with its version.</summary>
public sealed record ExtensionRuleValues(
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
public static class ExtensionRules
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

/// <summary>Household labour-immigrant permit statuses.</summary>
public static class HouseholdPermitStatus
{
    public const string Active = "active";
    public const string Expired = "expired";
}

/// <summary>
/// A citizen's permit to employ a foreign domestic worker (PRODUCT.md §2.2, last bullet): 1–12 months, income tax of
/// 4 MCI per month prepaid. A household employer holds at most 5 at once: each active permit takes one numbered
/// slot of its employer, and a unique index on (employer IIN, slot) makes the limit hold under concurrent requests.
/// </summary>
public sealed class HouseholdPermit
{
    public string Number { get; set; } = "";
    public string EmployerIin { get; set; } = "";
    /// <summary>1..max while active; null once the permit ended (the slot is free again).</summary>
    public int? EmployerSlot { get; set; }
    public string RegionCode { get; set; } = "";
    public string WorkerFullName { get; set; } = "";
    public string WorkerPassportNumber { get; set; } = "";
    public string WorkerCitizenship { get; set; } = "";
    public DateOnly WorkerBirthDate { get; set; }
    public int Months { get; set; }
    public DateOnly IssuedOn { get; set; }
    public DateOnly ValidFrom { get; set; }
    public DateOnly ValidUntil { get; set; }
    public int PrepaidTaxMci { get; set; }
    public long PrepaidTaxKzt { get; set; }
    public int MciYear { get; set; }
    public string Status { get; set; } = HouseholdPermitStatus.Active;
    public DateTime CreatedAt { get; set; }
    public Guid? CreatedBy { get; set; }

    /// <summary>
    /// Whether the permit was valid on <paramref name="date"/>: within its validity. A household permit is never revoked
    /// nor cancelled; "expired" only marks one past its last day (its slot given back), so the status does not change
    /// whether it was valid on an earlier day.
    /// </summary>
    public bool IsValidOn(DateOnly date) => ValidFrom <= date && date <= ValidUntil;
}

/// <summary>A worker's notification that the household employer changed: the permit moved from one IIN to another.</summary>
public sealed class HouseholdEmployerChange
{
    public long Id { get; set; }
    public string PermitNumber { get; set; } = "";
    public string FromIin { get; set; } = "";
    public string ToIin { get; set; } = "";
    public DateTime At { get; set; }
    public Guid? ActorId { get; set; }
    public string ActorRole { get; set; } = "";
    public string? Reason { get; set; }
}

/// <summary>The household-permit rules: term, the per-employer limit, the prepaid tax. Pure.</summary>
public static class HouseholdRules
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
