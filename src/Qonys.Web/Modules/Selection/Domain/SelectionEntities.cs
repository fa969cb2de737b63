namespace Qonys.Web.Modules.Selection.Domain;

/// <summary>Lifecycle of a stored scorecard version: drafts are edited, one version per key is published, older ones retired.</summary>
internal static class ScorecardStatus
{
    public const string Draft = "draft";
    public const string Published = "published";
    public const string Retired = "retired";
}

/// <summary>One version of a scorecard as administrators keep it: the engine's JSON definition plus who did what when.</summary>
internal sealed class StoredScorecard
{
    public Guid Id { get; set; }
    public string Key { get; set; } = "";
    public int Version { get; set; }
    public string Status { get; set; } = ScorecardStatus.Draft;
    public DateOnly EffectiveFrom { get; set; }
    public string Title { get; set; } = "";
    /// <summary>The scorecard in the engine's JSON format (<c>ScorecardJson</c>).</summary>
    public string Definition { get; set; } = "";
    public Guid? CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? UpdatedAt { get; set; }
    public Guid? PublishedBy { get; set; }
    public DateTime? PublishedAt { get; set; }
    public DateTime? RetiredAt { get; set; }
}

/// <summary>How a candidate's profile came in.</summary>
internal static class CandidateChannel
{
    public const string SelfService = "self_service";
    public const string Agency = "agency";
}

/// <summary>A skilled-migrant candidate's profile in the selection pool.</summary>
internal sealed class Candidate
{
    public Guid Id { get; set; }
    /// <summary>The candidate's own account (self-service); null when an agency registered a person without an account.</summary>
    public Guid? AccountId { get; set; }
    public string FullName { get; set; } = "";
    public DateOnly BirthDate { get; set; }
    public string Citizenship { get; set; } = "";
    public string Education { get; set; } = "";
    public decimal ExperienceYears { get; set; }
    public string KazakhLevel { get; set; } = "none";
    public string RussianLevel { get; set; } = "none";
    public string EnglishLevel { get; set; } = "none";
    public string OccupationCode { get; set; } = "";
    public string? JobOfferRegionCode { get; set; }
    public long? OfferedMonthlySalaryKzt { get; set; }
    /// <summary>Profile timestamp: earlier profiles win ties at a round's cut-off.</summary>
    public DateTime ProfileAt { get; set; }
    public string Channel { get; set; } = CandidateChannel.SelfService;
    public Guid CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>An invitation round as it ran: what was asked, the scorecard version used, the published cut-off and counts.</summary>
internal sealed class SelectionRound
{
    public Guid Id { get; set; }
    /// <summary>The administrator's name for the round; unique per day, so a double submit cannot run twice.</summary>
    public string RoundKey { get; set; } = "";
    public DateOnly RoundDate { get; set; }
    public DateTime RunAt { get; set; }
    public Guid RunBy { get; set; }
    public string ScorecardKey { get; set; } = "";
    public int ScorecardVersion { get; set; }
    public int InvitationsRequested { get; set; }
    public int InvitedCount { get; set; }
    public int EligibleCount { get; set; }
    public int PoolSize { get; set; }
    public decimal? CutOffScore { get; set; }
    /// <summary>Comma-separated occupation codes the round was limited to, or null.</summary>
    public string? OccupationCodes { get; set; }
    /// <summary>Comma-separated job-offer region codes the round was limited to, or null.</summary>
    public string? RegionCodes { get; set; }
    public string? TieBreakExplanation { get; set; }
    public DateOnly ApplyBy { get; set; }
}

/// <summary>One candidate invited by a round, with the score and rank that earned it and the deadline to apply.</summary>
internal sealed class Invitation
{
    public Guid Id { get; set; }
    public Guid RoundId { get; set; }
    public Guid CandidateId { get; set; }
    /// <summary>1 = the round's first invitation.</summary>
    public int Position { get; set; }
    /// <summary>Rank in the whole pool's ranking of that round.</summary>
    public int PoolRank { get; set; }
    public decimal Score { get; set; }
    public DateTime ProfileAt { get; set; }
    public DateTime InvitedAt { get; set; }
    public DateOnly ApplyBy { get; set; }
}

/// <summary>Reference lists of the selection module (entries of named lists, some with a number).</summary>
internal sealed class SelectionListEntry
{
    public string List { get; set; } = "";
    public string Entry { get; set; } = "";
    public decimal? Value { get; set; }
    public string? Note { get; set; }
}

/// <summary>The lists <see cref="SelectionListEntry"/> holds.</summary>
internal static class SelectionLists
{
    /// <summary>Regions whose job offers earn the labour-deficit-region points (ISO 3166-2:KZ codes).</summary>
    public const string LabourDeficitRegions = "labour_deficit_regions";
    public const string AtaZholySimplifiedCitizenship = "ata_zholy_simplified_citizenship";
    public const string AtaZholyPermanentResidence = "ata_zholy_permanent_residence";
    /// <summary>Numbers: min_years_operating, min_annual_turnover_usd, card_term_years.</summary>
    public const string AtaZholyTerms = "ata_zholy_terms";
}

/// <summary>An Ata Zholy ("golden card") application with the eligibility decision it was filed under.</summary>
internal sealed class AtaZholyApplication
{
    public Guid Id { get; set; }
    public Guid? AccountId { get; set; }
    public string FullName { get; set; } = "";
    public DateOnly BirthDate { get; set; }
    public string Citizenship { get; set; } = "";
    public string? Profession { get; set; }
    public bool OperatesBusinessAbroad { get; set; }
    public decimal? BusinessYearsOperating { get; set; }
    public decimal? BusinessAnnualTurnoverUsd { get; set; }
    public int TermYears { get; set; }
    public DateOnly ValidFrom { get; set; }
    public DateOnly ValidUntil { get; set; }
    public string Status { get; set; } = "submitted";
    /// <summary>The eligibility decision (every pathway with its reason) as JSON.</summary>
    public string DecisionJson { get; set; } = "";
    public Guid CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
}
