using System.Globalization;
using System.Text.Json.Serialization;

namespace Qonys.Web.Modules.Permits.Domain;

[JsonConverter(typeof(JsonStringEnumConverter<CheckOutcome>))]
// Public: tests take it as a theory parameter (xunit needs public test methods).
public enum CheckOutcome
{
    [JsonStringEnumMemberName("passed")] Passed,
    [JsonStringEnumMemberName("failed")] Failed,
    [JsonStringEnumMemberName("not_applicable")] NotApplicable,
}

/// <summary>One automatic check: the rule, its outcome, a sentence a person understands, and the rule version applied.</summary>
internal sealed record CheckResult(string Rule, CheckOutcome Outcome, string Detail, string RuleVersion);

/// <summary>A rule value as a check uses it: the number and the version (the date its value took effect).</summary>
internal sealed record RuleParameter(decimal Value, DateOnly EffectiveFrom)
{
    public string Version => EffectiveFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>Everything the checks look at, gathered by the use case; the rules themselves touch nothing else.</summary>
internal sealed record ApplicationFacts
{
    public required string Category { get; init; }
    public required int WorkerCount { get; init; }
    public required int Months { get; init; }
    public required long MonthlySalaryKzt { get; init; }
    public required DateOnly SubmittedOn { get; init; }
    public DateOnly? VacancyPublishedOn { get; init; }
    public required int[] CitizenStaff { get; init; }
    public required int[] ForeignStaff { get; init; }
    public bool IsSmallBusiness { get; init; }
    public bool IsBranchOffice { get; init; }
    /// <summary>Quota places still available for (year, region, category); null where no quota applies.</summary>
    public int? QuotaAvailable { get; init; }
    public string QuotaLabel { get; init; } = "";
    public int ActiveIctPermits { get; init; }
    public string? SendingCountry { get; init; }
    public bool SendingCountryIsWtoMember { get; init; }
    public int UnresolvedOffences { get; init; }
    public long? SalaryThresholdKzt { get; init; }
    public string SalaryThresholdBasis { get; init; } = "";
    public required IReadOnlyList<string> WorkerEducations { get; init; }

    public int TotalStaff => CitizenStaff.Sum() + ForeignStaff.Sum();
}

/// <summary>The rule values the checks need, each with its version.</summary>
internal sealed record PermitRuleValues(
    RuleParameter MinCitizenShareCat12, RuleParameter MinCitizenShareCat34, RuleParameter BranchExemptMaxStaff,
    RuleParameter SmallBusinessExemptMaxStaff, RuleParameter IctMaxShareOfCitizens, RuleParameter IctMaxTermMonths,
    RuleParameter? MinVacancyDays, RuleParameter SalaryThresholdPercent, RuleParameter? MinimumWageKzt = null);

/// <summary>The automatic checks of PRODUCT.md §2.2, each a named rule. Pure: facts and rule values in, results out.</summary>
internal static class PermitRules
{
    public const string Quota = "quota";
    public const string LocalContent = "local_content";
    public const string IctShare = "ict_share";
    public const string IctOrigin = "ict_origin";
    public const string IctTerm = "ict_term";
    public const string LabourMarketTest = "labour_market_test";
    public const string NoUnresolvedOffences = "no_unresolved_offences";
    public const string SalaryThreshold = "salary_threshold";
    public const string Qualification = "qualification";

    static readonly string[] HigherEducation = ["bachelor", "master", "doctorate"];
    static readonly string[] VocationalOrHigher = ["vocational", "bachelor", "master", "doctorate"];
    public static readonly string[] EducationLevels = ["none", "secondary", "vocational", "bachelor", "master", "doctorate"];

    public static IReadOnlyList<CheckResult> Evaluate(ApplicationFacts f, PermitRuleValues v) =>
    [
        CheckQuota(f),
        CheckLocalContent(f, v),
        CheckIctShare(f, v),
        CheckIctOrigin(f),
        CheckIctTerm(f, v),
        CheckLabourMarketTest(f, v),
        CheckOffences(f),
        CheckSalary(f, v),
        CheckQualification(f),
    ];

    public static bool AllPassed(IEnumerable<CheckResult> checks) => checks.All(c => c.Outcome != CheckOutcome.Failed);

    public static CheckResult CheckQuota(ApplicationFacts f)
    {
        if (f.QuotaAvailable is not { } available)
            return new(Quota, CheckOutcome.NotApplicable, "Intra-corporate transfers are outside the quota; the ICT share rule applies instead.", "-");
        return available >= f.WorkerCount
            ? new(Quota, CheckOutcome.Passed, $"{Places(available)} available in {f.QuotaLabel}; this application reserves {f.WorkerCount}.", "-")
            : new(Quota, CheckOutcome.Failed, $"Only {Places(available)} available in {f.QuotaLabel}; {f.WorkerCount} requested.", "-");
    }

    public static CheckResult CheckLocalContent(ApplicationFacts f, PermitRuleValues v)
    {
        if (PermitCategory.StaffCategory(f.Category) is not { } cat)
            return new(LocalContent, CheckOutcome.NotApplicable, "Local content is counted for categories 1–4 only.", v.MinCitizenShareCat12.Version);
        if (f.IsBranchOffice && f.TotalStaff <= v.BranchExemptMaxStaff.Value)
            return new(LocalContent, CheckOutcome.NotApplicable,
                $"Exempt: a branch with {f.TotalStaff} staff (at most {v.BranchExemptMaxStaff.Value:0}).", v.BranchExemptMaxStaff.Version);
        if (f.IsSmallBusiness && f.TotalStaff <= v.SmallBusinessExemptMaxStaff.Value)
            return new(LocalContent, CheckOutcome.NotApplicable,
                $"Exempt: a small business with {f.TotalStaff} staff (at most {v.SmallBusinessExemptMaxStaff.Value:0}).", v.SmallBusinessExemptMaxStaff.Version);
        var (a, b, minimum) = cat <= 2 ? (0, 1, v.MinCitizenShareCat12) : (2, 3, v.MinCitizenShareCat34);
        var citizens = f.CitizenStaff[a] + f.CitizenStaff[b];
        var total = citizens + f.ForeignStaff[a] + f.ForeignStaff[b] + f.WorkerCount;
        var group = cat <= 2 ? "1+2" : "3+4";
        // Compare in whole numbers: citizens / total ≥ minimum% exactly, with no rounding at the boundary.
        var passed = citizens * 100m >= minimum.Value * total;
        var share = total == 0 ? 0m : Math.Round(citizens * 100m / total, 1);
        var detail = string.Create(CultureInfo.InvariantCulture,
            $"citizens would be {share:0.0}% of categories {group} ({citizens} of {total}, counting the {f.WorkerCount} hires applied for); at least {minimum.Value:0.##}% required");
        return new(LocalContent, passed ? CheckOutcome.Passed : CheckOutcome.Failed, detail, minimum.Version);
    }

    public static CheckResult CheckIctShare(ApplicationFacts f, PermitRuleValues v)
    {
        if (f.Category != PermitCategory.Ict)
            return new(IctShare, CheckOutcome.NotApplicable, "Applies to intra-corporate transfers only.", v.IctMaxShareOfCitizens.Version);
        var citizens = f.CitizenStaff[0] + f.CitizenStaff[1] + f.CitizenStaff[2];
        var ict = f.ActiveIctPermits + f.WorkerCount;
        var passed = ict * 100m <= v.IctMaxShareOfCitizens.Value * citizens;
        return new(IctShare, passed ? CheckOutcome.Passed : CheckOutcome.Failed,
            string.Create(CultureInfo.InvariantCulture,
                $"{ict} foreigners on ICT (with this application) against {citizens} citizens in categories 1–3; at most {v.IctMaxShareOfCitizens.Value:0.##}% allowed"),
            v.IctMaxShareOfCitizens.Version);
    }

    public static CheckResult CheckIctOrigin(ApplicationFacts f)
    {
        if (f.Category != PermitCategory.Ict)
            return new(IctOrigin, CheckOutcome.NotApplicable, "Applies to intra-corporate transfers only.", "-");
        if (f.SendingCountry is null)
            return new(IctOrigin, CheckOutcome.Failed, "The sending company's country is not given.", "-");
        return f.SendingCountryIsWtoMember
            ? new(IctOrigin, CheckOutcome.Passed, $"The sending company is in {f.SendingCountry}, a WTO member.", "-")
            : new(IctOrigin, CheckOutcome.Failed, $"The sending company is in {f.SendingCountry}, which is not a WTO member.", "-");
    }

    public static CheckResult CheckIctTerm(ApplicationFacts f, PermitRuleValues v)
    {
        if (f.Category != PermitCategory.Ict)
            return new(IctTerm, CheckOutcome.NotApplicable, "Applies to intra-corporate transfers only.", v.IctMaxTermMonths.Version);
        return f.Months <= v.IctMaxTermMonths.Value
            ? new(IctTerm, CheckOutcome.Passed, $"{f.Months} months, within the {v.IctMaxTermMonths.Value:0}-month limit.", v.IctMaxTermMonths.Version)
            : new(IctTerm, CheckOutcome.Failed, $"{f.Months} months exceeds the {v.IctMaxTermMonths.Value:0}-month limit (one 12-month extension may follow).",
                v.IctMaxTermMonths.Version);
    }

    public static CheckResult CheckLabourMarketTest(ApplicationFacts f, PermitRuleValues v)
    {
        if (f.Category == PermitCategory.Ict)
            return new(LabourMarketTest, CheckOutcome.NotApplicable, "Intra-corporate transfers need no vacancy publication.", "-");
        if (v.MinVacancyDays is null)
            return new(LabourMarketTest, CheckOutcome.NotApplicable, "No labour-market test was in force on the submission date.", "-");
        var min = (int)v.MinVacancyDays.Value;
        if (f.VacancyPublishedOn is not { } published)
            return new(LabourMarketTest, CheckOutcome.Failed, $"No vacancy publication date was given; the vacancy must be published at least {min} days before applying.",
                v.MinVacancyDays.Version);
        var days = f.SubmittedOn.DayNumber - published.DayNumber;
        return days >= min
            ? new(LabourMarketTest, CheckOutcome.Passed, $"The vacancy was published {days} days before applying (at least {min} required).", v.MinVacancyDays.Version)
            : new(LabourMarketTest, CheckOutcome.Failed, $"The vacancy was published {days} days before applying; at least {min} are required.", v.MinVacancyDays.Version);
    }

    public static CheckResult CheckOffences(ApplicationFacts f) =>
        f.UnresolvedOffences == 0
            ? new(NoUnresolvedOffences, CheckOutcome.Passed, "The employer has no unresolved administrative offence.", "-")
            : new(NoUnresolvedOffences, CheckOutcome.Failed,
                $"The employer has {f.UnresolvedOffences} unresolved administrative offence{(f.UnresolvedOffences == 1 ? "" : "s")} (fine unpaid or case open).", "-");

    /// <summary>Not below the minimum wage in force (when on file), and not below the regional threshold (when there are statistics).</summary>
    public static CheckResult CheckSalary(ApplicationFacts f, PermitRuleValues v)
    {
        if (v.MinimumWageKzt is { } minimum && f.MonthlySalaryKzt < minimum.Value)
            return new(SalaryThreshold, CheckOutcome.Failed,
                string.Create(CultureInfo.InvariantCulture, $"The salary of {f.MonthlySalaryKzt:N0} KZT is below the minimum wage of {minimum.Value:N0} KZT."),
                minimum.Version);
        if (f.SalaryThresholdKzt is not { } threshold)
            return new(SalaryThreshold, CheckOutcome.NotApplicable, "No wage statistics for this region and occupation group.", v.SalaryThresholdPercent.Version);
        return f.MonthlySalaryKzt >= threshold
            ? new(SalaryThreshold, CheckOutcome.Passed, string.Create(CultureInfo.InvariantCulture, $"The salary of {f.MonthlySalaryKzt:N0} KZT is not below the threshold of {threshold:N0} KZT ({f.SalaryThresholdBasis})."),
                v.SalaryThresholdPercent.Version)
            : new(SalaryThreshold, CheckOutcome.Failed, string.Create(CultureInfo.InvariantCulture, $"The salary of {f.MonthlySalaryKzt:N0} KZT is below the threshold of {threshold:N0} KZT ({f.SalaryThresholdBasis})."),
                v.SalaryThresholdPercent.Version);
    }

    public static CheckResult CheckQualification(ApplicationFacts f)
    {
        var (required, label) = f.Category switch
        {
            PermitCategory.Heads or PermitCategory.DivisionHeads or PermitCategory.Specialists or PermitCategory.Ict => (HigherEducation, "higher education"),
            PermitCategory.SkilledWorkers => (VocationalOrHigher, "vocational or higher education"),
            _ => (null, ""),
        };
        if (required is null)
            return new(Qualification, CheckOutcome.NotApplicable, "Seasonal work needs no qualification evidence.", "-");
        var missing = f.WorkerEducations.Select((e, i) => (e, i)).Where(x => !required.Contains(x.e)).Select(x => x.i + 1).ToList();
        return missing.Count == 0
            ? new(Qualification, CheckOutcome.Passed, $"Every worker has {label}, as category {f.Category} requires.", "-")
            : new(Qualification, CheckOutcome.Failed,
                $"Worker{(missing.Count == 1 ? "" : "s")} {string.Join(", ", missing)} lack{(missing.Count == 1 ? "s" : "")} the {label} category {f.Category} requires.", "-");
    }

    static string Places(int n) => n == 1 ? "1 place" : $"{n} places";
}
