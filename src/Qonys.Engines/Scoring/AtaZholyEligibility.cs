namespace Qonys.Engines.Scoring;

/// <summary>The facts of an Ata Zholy card applicant.</summary>
public sealed record AtaZholyApplicant
{
    /// <summary>Profession code or name of the applicant (compared without regard to case and surrounding spaces).</summary>
    public string? Profession { get; init; }

    /// <summary>Whether the applicant operates a business abroad.</summary>
    public bool OperatesBusinessAbroad { get; init; }

    /// <summary>Full years the business abroad has operated.</summary>
    public decimal? BusinessYearsOperating { get; init; }

    /// <summary>Annual turnover of the business abroad, in US dollars.</summary>
    public decimal? BusinessAnnualTurnoverUsd { get; init; }
}

/// <summary>The business-abroad pathway criteria (data).</summary>
/// <param name="MinYearsOperating">Minimum full years of operation.</param>
/// <param name="MinAnnualTurnoverUsd">Minimum annual turnover in US dollars.</param>
public sealed record BusinessAbroadCriteria(decimal MinYearsOperating, decimal MinAnnualTurnoverUsd);

/// <summary>The lists and terms in force (data passed in, never hard-coded).</summary>
public sealed record AtaZholyLists
{
    /// <summary>Professions eligible for simplified citizenship.</summary>
    public required IReadOnlyList<string> SimplifiedCitizenshipProfessions { get; init; }

    /// <summary>In-demand professions for permanent residence.</summary>
    public required IReadOnlyList<string> PermanentResidenceProfessions { get; init; }

    /// <summary>Criteria of the operating-business-abroad pathway.</summary>
    public required BusinessAbroadCriteria BusinessAbroad { get; init; }

    /// <summary>Term of the card in years (1 to 10).</summary>
    public required int CardTermYears { get; init; }
}

/// <summary>The three pathways to an Ata Zholy card.</summary>
public enum AtaZholyPathway
{
    /// <summary>Profession on the simplified-citizenship list.</summary>
    SimplifiedCitizenshipProfession,

    /// <summary>Profession on the in-demand list for permanent residence.</summary>
    PermanentResidenceProfession,

    /// <summary>Operating business abroad meeting the minimum years and turnover.</summary>
    BusinessAbroad,
}

/// <summary>The check of one pathway, met or not, with its reason.</summary>
/// <param name="Pathway">The pathway.</param>
/// <param name="Met">Whether the applicant meets it.</param>
/// <param name="Reason">Why, in one sentence.</param>
public sealed record AtaZholyPathwayCheck(AtaZholyPathway Pathway, bool Met, string Reason);

/// <summary>The eligibility decision with every pathway's reason.</summary>
public sealed record AtaZholyDecision
{
    /// <summary>True when at least one pathway is met.</summary>
    public required bool Eligible { get; init; }

    /// <summary>All three pathways, met or not, in a fixed order.</summary>
    public required IReadOnlyList<AtaZholyPathwayCheck> Pathways { get; init; }

    /// <summary>Card term in years when eligible; null otherwise.</summary>
    public int? CardTermYears { get; init; }
}

/// <summary>Ata Zholy card eligibility: list-based, pure.</summary>
public static class AtaZholyEligibility
{
    /// <summary>The longest card term the law allows.</summary>
    public const int MaxCardTermYears = 10;

    /// <summary>Checks the applicant against the three pathways; eligible when any is met.</summary>
    public static AtaZholyDecision Check(AtaZholyApplicant applicant, AtaZholyLists lists)
    {
        ArgumentNullException.ThrowIfNull(applicant);
        ArgumentNullException.ThrowIfNull(lists);
        if (lists.CardTermYears is < 1 or > MaxCardTermYears)
            throw new ArgumentOutOfRangeException(nameof(lists), $"the card term must be 1 to {MaxCardTermYears} years (got {lists.CardTermYears})");
        var checks = new[]
        {
            ProfessionCheck(AtaZholyPathway.SimplifiedCitizenshipProfession, applicant.Profession, lists.SimplifiedCitizenshipProfessions, "simplified-citizenship professions"),
            ProfessionCheck(AtaZholyPathway.PermanentResidenceProfession, applicant.Profession, lists.PermanentResidenceProfessions, "in-demand professions for permanent residence"),
            BusinessCheck(applicant, lists.BusinessAbroad),
        };
        var eligible = checks.Any(c => c.Met);
        return new AtaZholyDecision { Eligible = eligible, Pathways = checks, CardTermYears = eligible ? lists.CardTermYears : null };
    }

    private static AtaZholyPathwayCheck ProfessionCheck(AtaZholyPathway pathway, string? profession, IReadOnlyList<string> list, string listName)
    {
        if (string.IsNullOrWhiteSpace(profession)) return new(pathway, false, $"no profession was given, so the list of {listName} cannot match");
        var wanted = profession.Trim();
        var met = list.Any(p => string.Equals(p.Trim(), wanted, StringComparison.OrdinalIgnoreCase));
        return new(pathway, met, met
            ? $"profession \"{wanted}\" is on the list of {listName}"
            : $"profession \"{wanted}\" is not on the list of {listName}");
    }

    private static AtaZholyPathwayCheck BusinessCheck(AtaZholyApplicant applicant, BusinessAbroadCriteria criteria)
    {
        const AtaZholyPathway pathway = AtaZholyPathway.BusinessAbroad;
        if (!applicant.OperatesBusinessAbroad) return new(pathway, false, "the applicant does not operate a business abroad");
        var shortfalls = new List<string>();
        if (applicant.BusinessYearsOperating is not { } years) shortfalls.Add("the years of operation were not given");
        else if (years < criteria.MinYearsOperating)
            shortfalls.Add($"the business has operated {ScoreText.Number(years)} years, fewer than the {ScoreText.Number(criteria.MinYearsOperating)} required");
        if (applicant.BusinessAnnualTurnoverUsd is not { } turnover) shortfalls.Add("the annual turnover was not given");
        else if (turnover < criteria.MinAnnualTurnoverUsd)
            shortfalls.Add($"the annual turnover of {ScoreText.Number(turnover)} USD is below the {ScoreText.Number(criteria.MinAnnualTurnoverUsd)} USD required");
        return shortfalls.Count == 0
            ? new(pathway, true, $"the business abroad has operated at least {ScoreText.Number(criteria.MinYearsOperating)} years with an annual turnover of at least {ScoreText.Number(criteria.MinAnnualTurnoverUsd)} USD")
            : new(pathway, false, string.Join("; ", shortfalls));
    }
}
