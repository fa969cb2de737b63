namespace Qonys.Web.Modules.Selection.Rounds;

/// <summary>Body of <c>POST /api/v1/selection/rounds</c>.</summary>
internal sealed record RoundRequest(string? RoundKey, int? Invitations, IReadOnlyList<string>? OccupationCodes, IReadOnlyList<string>? RegionCodes);

/// <summary>A round as published: no personal data, only what was asked, the version used, the cut-off and counts.</summary>
internal sealed record RoundResponse(
    Guid Id, string RoundKey, DateOnly RoundDate, DateTime RunAt, string ScorecardKey, int ScorecardVersion, int InvitationsRequested,
    int InvitedCount, int EligibleCount, int PoolSize, decimal? CutOffScore, IReadOnlyList<string> OccupationCodes,
    IReadOnlyList<string> RegionCodes, string? TieBreakExplanation, DateOnly ApplyBy);

/// <summary>One invitation of a round, as the administrator who ran it sees it.</summary>
internal sealed record InvitationResponse(Guid CandidateId, int Position, int PoolRank, decimal Score, DateTime ProfileAt, DateOnly ApplyBy);

/// <summary>The round and, for administrators, its invitations.</summary>
internal sealed record RoundDetailResponse(RoundResponse Round, IReadOnlyList<InvitationResponse>? Invitations);

internal sealed record PageResponse<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);
