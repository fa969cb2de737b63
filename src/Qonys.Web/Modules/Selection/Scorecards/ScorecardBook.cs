using Microsoft.EntityFrameworkCore;
using Qonys.Engines.Scoring;
using Qonys.Web.Modules.Selection.Domain;

namespace Qonys.Web.Modules.Selection.Scorecards;

/// <summary>Reads stored scorecard versions. Drafts are shown only to those who edit scorecards or run what-ifs.</summary>
internal sealed class ScorecardBook(AppDb db)
{
    public static bool SeesDrafts(Actor actor) => actor.Can(SelectionModule.ScorecardsEdit) || actor.Can(SelectionModule.WhatIfRun);

    public async Task<IReadOnlyList<ScorecardOverview>> ListAsync(Actor actor, CancellationToken ct)
    {
        var rows = await Visible(actor).OrderBy(s => s.Key).ThenBy(s => s.Version).ToListAsync(ct);
        return rows.GroupBy(s => s.Key).Select(Overview).ToList();
    }

    public async Task<UseCaseResult<ScorecardOverview>> GetAsync(Actor actor, string key, CancellationToken ct)
    {
        var rows = await Visible(actor).Where(s => s.Key == key).OrderBy(s => s.Version).ToListAsync(ct);
        return rows.Count == 0 ? UseCaseResult<ScorecardOverview>.NotFound() : UseCaseResult<ScorecardOverview>.Ok(Overview(rows));
    }

    public async Task<UseCaseResult<ScorecardVersionResponse>> VersionAsync(Actor actor, string key, int version, CancellationToken ct)
    {
        var row = await Visible(actor).FirstOrDefaultAsync(s => s.Key == key && s.Version == version, ct);
        return row is null ? UseCaseResult<ScorecardVersionResponse>.NotFound() : UseCaseResult<ScorecardVersionResponse>.Ok(ScorecardVersionResponse.Of(row));
    }

    /// <summary>The published version of <paramref name="key"/> (null when none is published).</summary>
    public async Task<Scorecard?> PublishedAsync(string key, CancellationToken ct)
    {
        var definition = await db.Set<StoredScorecard>().AsNoTracking()
            .Where(s => s.Key == key && s.Status == ScorecardStatus.Published).Select(s => s.Definition).FirstOrDefaultAsync(ct);
        return definition is null ? null : ScorecardJson.Deserialize(definition);
    }

    IQueryable<StoredScorecard> Visible(Actor actor) =>
        SeesDrafts(actor)
            ? db.Set<StoredScorecard>().AsNoTracking()
            : db.Set<StoredScorecard>().AsNoTracking().Where(s => s.Status != ScorecardStatus.Draft);

    static ScorecardOverview Overview(IEnumerable<StoredScorecard> versions)
    {
        var list = versions.ToList();
        var published = list.FirstOrDefault(v => v.Status == ScorecardStatus.Published);
        return new ScorecardOverview(list[0].Key, (published ?? list[^1]).Title, published?.Version,
            list.Select(s => new ScorecardVersionSummary(s.Key, s.Version, s.Status, s.EffectiveFrom, s.Title, s.CreatedAt, s.CreatedBy,
                s.PublishedAt, s.PublishedBy, s.RetiredAt)).ToList());
    }
}
