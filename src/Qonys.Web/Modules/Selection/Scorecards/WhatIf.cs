using Microsoft.EntityFrameworkCore;
using Qonys.Engines.Scoring;
using Qonys.Web.Modules.Selection.Data;
using Qonys.Web.Modules.Selection.Domain;
using Qonys.Web.Modules.Selection.Rounds;

namespace Qonys.Web.Modules.Selection.Scorecards;

/// <summary>
/// Runs a draft against the real pool (every candidate not yet invited) beside the published version: the same round
/// under both (the engine's <see cref="WhatIfAnalysis"/>), who would enter and leave the invited set, and the score
/// distributions before and after. Read-only: nothing is saved. Candidates appear by id only.
/// </summary>
internal sealed class WhatIf(AppDb db, CandidatePool pool, RoundOrders orders, TimeProvider clock)
{
    public async Task<UseCaseResult<WhatIfResponse>> RunAsync(Actor actor, string key, int version, WhatIfRequest? request, CancellationToken ct)
    {
        var rows = await db.Set<StoredScorecard>().AsNoTracking()
            .Where(s => s.Key == key && (s.Version == version || s.Status == ScorecardStatus.Published)).ToListAsync(ct);
        var draft = rows.FirstOrDefault(r => r.Version == version);
        if (draft is null || (draft.Status == ScorecardStatus.Draft && !ScorecardBook.SeesDrafts(actor))) return UseCaseResult<WhatIfResponse>.NotFound();
        if (draft.Status != ScorecardStatus.Draft)
            return UseCaseResult<WhatIfResponse>.Conflict($"Version {version} of {key} is {draft.Status}; a what-if compares a draft with the published version.");
        var published = rows.FirstOrDefault(r => r.Status == ScorecardStatus.Published);
        if (published is null) return UseCaseResult<WhatIfResponse>.Refused("published_scorecard", $"{key} has no published version to compare with.");

        var order = await orders.ValidateAsync("what-if", request?.Invitations, request?.OccupationCodes, request?.RegionCodes, ct);
        if (!order.Succeeded) return order.As<WhatIfResponse>();
        var draftCard = ScorecardJson.Deserialize(draft.Definition);
        var problems = ScorecardValidator.Validate(draftCard);
        if (problems.Count > 0)
        {
            var errors = new ValidationErrors();
            foreach (var p in problems) errors.Add(p.Path, p.Message);
            return UseCaseResult<WhatIfResponse>.Invalid(errors);
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var profiles = await pool.UninvitedAsync(today, ct);
        var o = order.Value!;
        var result = WhatIfAnalysis.Compare(profiles, CompiledScorecard.Compile(ScorecardJson.Deserialize(published.Definition)),
            CompiledScorecard.Compile(draftCard), RoundOrders.Request(o, excluded: null));
        static WhatIfMoveResponse Move(WhatIfMove m) => new(Guid.Parse(m.Id), m.OldScore, m.NewScore, m.OldRank, m.NewRank);
        return UseCaseResult<WhatIfResponse>.Ok(new WhatIfResponse(key, published.Version, draft.Version, o.Invitations, profiles.Count,
            result.Published.CutOffScore, result.Draft.CutOffScore, result.Published.EligibleCount, result.Draft.EligibleCount,
            result.Entering.Select(Move).ToList(), result.Leaving.Select(Move).ToList(),
            DistributionResponse.Of(result.Before), DistributionResponse.Of(result.After)));
    }
}
