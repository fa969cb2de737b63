using System.Text.Json;
using Qonys.Engines.Scoring;
using Qonys.Web.Modules.Selection.Domain;

namespace Qonys.Web.Modules.Selection.Scorecards;

/// <summary>Body of <c>POST /api/v1/scorecards/{key}/drafts</c>: either a copy of the published version or a whole scorecard.</summary>
internal sealed record DraftRequest(bool? CopyOfPublished, JsonElement? Scorecard);

/// <summary>One stored version, without its definition (lists).</summary>
internal sealed record ScorecardVersionSummary(
    string Key, int Version, string Status, DateOnly EffectiveFrom, string Title, DateTime CreatedAt, Guid? CreatedBy,
    DateTime? PublishedAt, Guid? PublishedBy, DateTime? RetiredAt);

/// <summary>One stored version with its definition (the engine's scorecard).</summary>
internal sealed record ScorecardVersionResponse(
    string Key, int Version, string Status, DateOnly EffectiveFrom, string Title, DateTime CreatedAt, Guid? CreatedBy,
    DateTime? UpdatedAt, DateTime? PublishedAt, Guid? PublishedBy, DateTime? RetiredAt, JsonElement Definition)
{
    public static ScorecardVersionResponse Of(StoredScorecard s) =>
        new(s.Key, s.Version, s.Status, s.EffectiveFrom, s.Title, s.CreatedAt, s.CreatedBy, s.UpdatedAt, s.PublishedAt, s.PublishedBy,
            s.RetiredAt, JsonDocument.Parse(s.Definition).RootElement.Clone());

    public Scorecard Scorecard() => ScorecardJson.Deserialize(Definition.GetRawText());
}

/// <summary>A scorecard key with its published version and the versions the caller may see.</summary>
internal sealed record ScorecardOverview(string Key, string Title, int? PublishedVersion, IReadOnlyList<ScorecardVersionSummary> Versions);

/// <summary>Body of the what-if request.</summary>
internal sealed record WhatIfRequest(int? Invitations, IReadOnlyList<string>? OccupationCodes, IReadOnlyList<string>? RegionCodes);

internal sealed record WhatIfMoveResponse(Guid CandidateId, decimal OldScore, decimal NewScore, int OldRank, int NewRank);

internal sealed record DistributionResponse(int Count, decimal Mean, decimal Median, decimal P10, decimal P90, IReadOnlyList<decimal> BinEdges,
    IReadOnlyList<int> Counts)
{
    public static DistributionResponse Of(ScoreDistribution d) => new(d.Count, d.Mean, d.Median, d.P10, d.P90, d.BinEdges, d.Counts);
}

/// <summary>Who would enter and leave the invited set under the draft, and the score distributions before and after.</summary>
internal sealed record WhatIfResponse(
    string Key, int PublishedVersion, int DraftVersion, int Invitations, int PoolSize,
    decimal? PublishedCutOff, decimal? DraftCutOff, int PublishedEligible, int DraftEligible,
    IReadOnlyList<WhatIfMoveResponse> Entering, IReadOnlyList<WhatIfMoveResponse> Leaving,
    DistributionResponse Before, DistributionResponse After);
