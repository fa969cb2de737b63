using Microsoft.EntityFrameworkCore;
using Qonys.Engines.Scoring;
using Qonys.Web.Modules.Selection.Domain;

namespace Qonys.Web.Modules.Selection.Data;

/// <summary>Reads the pool the scorecards run over: the lists facts are checked against, and the candidates not yet invited.</summary>
internal sealed class CandidatePool(AppDb db)
{
    public async Task<FactLists> ListsAsync(CancellationToken ct)
    {
        var inDemand = await db.Set<Occupation>().AsNoTracking().Where(o => o.InDemand).Select(o => o.Code).ToListAsync(ct);
        var deficit = await db.Set<SelectionListEntry>().AsNoTracking().Where(e => e.List == SelectionLists.LabourDeficitRegions)
            .Select(e => e.Entry).ToListAsync(ct);
        return new FactLists(inDemand.ToHashSet(StringComparer.Ordinal), deficit.ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>Every candidate no round has invited yet, as the engine's columnar pool (facts on <paramref name="on"/>).</summary>
    public async Task<ProfilePool> UninvitedAsync(DateOnly on, CancellationToken ct)
    {
        var lists = await ListsAsync(ct);
        var invited = db.Set<Invitation>().Select(i => i.CandidateId);
        var builder = new ProfilePoolBuilder();
        await foreach (var c in db.Set<Candidate>().AsNoTracking().Where(c => !invited.Contains(c.Id)).AsAsyncEnumerable().WithCancellation(ct))
            builder.Add(CandidateFacts.Profile(c, on, lists));
        return builder.Build();
    }
}
