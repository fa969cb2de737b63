namespace Qonys.Web.Modules.Selection.Candidates;

/// <summary>Body of <c>POST /api/v1/candidates</c>. A job offer is a region and a salary together, or neither.</summary>
internal sealed record CandidateRequest(
    string? FullName, DateOnly? BirthDate, string? Citizenship, string? Education, decimal? ExperienceYears,
    string? KazakhLevel, string? RussianLevel, string? EnglishLevel, string? OccupationCode,
    string? JobOfferRegionCode, long? OfferedMonthlySalaryKzt);

internal sealed record InvitationSummary(Guid RoundId, string RoundKey, decimal Score, DateTime InvitedAt, DateOnly ApplyBy);

internal sealed record CandidateResponse(
    Guid Id, string FullName, DateOnly BirthDate, string Citizenship, string Education, decimal ExperienceYears,
    string KazakhLevel, string RussianLevel, string EnglishLevel, string OccupationCode, string? JobOfferRegionCode,
    long? OfferedMonthlySalaryKzt, DateTime ProfileAt, string Channel, bool OwnAccount, InvitationSummary? Invitation);

/// <summary>One criterion of a candidate's score: the fact used, the band it fell in and the points it earned.</summary>
internal sealed record CriterionScore(
    string Key, string Title, string Fact, object? Value, string Outcome, int? BandIndex, string? BandLabel, string? BandRange,
    decimal Points, decimal PointsAfterCap, string? Group, string Explanation);

internal sealed record GroupScore(string Key, string Title, decimal Cap, decimal PointsBeforeCap, decimal PointsAfterCap, bool CapApplied, string Explanation);

internal sealed record Improvement(string CriterionKey, string Fact, object? CurrentValue, object? SuggestedValue, string BandLabel,
    decimal PointsGain, decimal TotalGain, string Text);

/// <summary>A candidate's score under the published pool scorecard, explained criterion by criterion, with how to improve it.</summary>
internal sealed record CandidateScoreResponse(
    Guid CandidateId, string ScorecardKey, int ScorecardVersion, DateOnly EvaluatedOn, decimal Total, decimal? PassMark, bool? Passed,
    IReadOnlyList<CriterionScore> Criteria, IReadOnlyList<GroupScore> Groups, IReadOnlyList<string> MissingFacts,
    IReadOnlyList<Improvement> HowToImprove);
