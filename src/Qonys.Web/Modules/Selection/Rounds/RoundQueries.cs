using Microsoft.EntityFrameworkCore;
using Qonys.Web.Modules.Selection.Domain;

namespace Qonys.Web.Modules.Selection.Rounds;

/// <summary>Published rounds (cut-off, time, version, counts) for anyone; the invitation list only for those who run rounds.</summary>
internal sealed class RoundQueries(AppDb db)
{
    public const int MaxPageSize = 500;

    public async Task<UseCaseResult<PageResponse<RoundResponse>>> ListAsync(int? page, int? pageSize, CancellationToken ct)
    {
        var p = page ?? 1;
        var size = pageSize ?? 50;
        var e = new ValidationErrors();
        if (p < 1) e.Add("page", "must be 1 or more");
        if (size is < 1 or > MaxPageSize) e.Add("pageSize", $"must be between 1 and {MaxPageSize}");
        if (e.Any) return UseCaseResult<PageResponse<RoundResponse>>.Invalid(e);
        var query = db.Set<SelectionRound>().AsNoTracking();
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(r => r.RunAt).Skip((p - 1) * size).Take(size).ToListAsync(ct);
        return UseCaseResult<PageResponse<RoundResponse>>.Ok(new PageResponse<RoundResponse>(rows.Select(ToResponse).ToList(), total, p, size));
    }

    public async Task<UseCaseResult<RoundDetailResponse>> GetAsync(Actor? actor, Guid id, CancellationToken ct)
    {
        var round = await db.Set<SelectionRound>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (round is null) return UseCaseResult<RoundDetailResponse>.NotFound();
        List<InvitationResponse>? invitations = null;
        if (actor?.Can(SelectionModule.RoundsRun) == true)
            invitations = await db.Set<Invitation>().AsNoTracking().Where(i => i.RoundId == id).OrderBy(i => i.Position)
                .Select(i => new InvitationResponse(i.CandidateId, i.Position, i.PoolRank, i.Score, i.ProfileAt, i.ApplyBy)).ToListAsync(ct);
        return UseCaseResult<RoundDetailResponse>.Ok(new RoundDetailResponse(ToResponse(round), invitations));
    }

    public static RoundResponse ToResponse(SelectionRound r) =>
        new(r.Id, r.RoundKey, r.RoundDate, r.RunAt, r.ScorecardKey, r.ScorecardVersion, r.InvitationsRequested, r.InvitedCount, r.EligibleCount,
            r.PoolSize, r.CutOffScore, Split(r.OccupationCodes), Split(r.RegionCodes), r.TieBreakExplanation, r.ApplyBy);

    static IReadOnlyList<string> Split(string? codes) => codes is null ? [] : codes.Split(',');
}
