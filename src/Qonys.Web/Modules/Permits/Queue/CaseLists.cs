using Microsoft.EntityFrameworkCore;
using Qonys.Web.Modules.Permits.Domain;
using Qonys.Web.Modules.Registry.Domain;

namespace Qonys.Web.Modules.Permits.Queue;

/// <summary>One application in a list: enough to find it and see where it stands.</summary>
public sealed record CaseSummary(Guid Id, string EmployerBin, string EmployerName, string RegionCode, string Category, string OccupationCode,
    int WorkerCount, string Status, DateOnly SubmittedOn, DateOnly DecisionDueOn, DateOnly? FeeDueOn, bool Overdue);

/// <summary>
/// The lists of applications the UI shows: an officer's work queue (cases waiting for a decision, the oldest deadline
/// first, overdue ones flagged) and the cases within a caller's scope (an employer's own, a region's, all).
/// </summary>
public sealed class CaseLists(AppDb db, TimeProvider clock)
{
    public const int MaxRows = 500;
    static readonly string[] Waiting = [ApplicationStatus.Submitted, ApplicationStatus.ChecksFailed];

    /// <summary>
    /// The applications waiting for a decision: an officer's own region; an administrator's every region, or the one
    /// of <paramref name="regionCode"/>. Ordered by decision due date; a case past its due date is overdue.
    /// </summary>
    public async Task<UseCaseResult<List<CaseSummary>>> QueueAsync(Actor actor, string? regionCode, CancellationToken ct)
    {
        if (actor.Role is not (Roles.Officer or Roles.Administrator))
            return UseCaseResult<List<CaseSummary>>.Forbidden("The decision queue belongs to officers and administrators.");
        var region = actor.Role == Roles.Officer ? actor.RegionCode : string.IsNullOrWhiteSpace(regionCode) ? null : regionCode;
        var q = db.Set<PermitApplication>().AsNoTracking().Where(a => Waiting.Contains(a.Status));
        if (region is not null) q = q.Where(a => a.RegionCode == region);
        return UseCaseResult<List<CaseSummary>>.Ok(await SummariesAsync(q.OrderBy(a => a.DecisionDueOn).ThenBy(a => a.CreatedAt), ct));
    }

    /// <summary>The most recent applications within the caller's scope: own (employer), the region's (officer, inspector), all (administrator).</summary>
    public async Task<UseCaseResult<List<CaseSummary>>> InScopeAsync(Actor actor, CancellationToken ct)
    {
        var q = db.Set<PermitApplication>().AsNoTracking();
        switch (actor.Role)
        {
            case Roles.Administrator: break;
            case Roles.Officer or Roles.Inspector: q = q.Where(a => a.RegionCode == actor.RegionCode); break;
            case Roles.Employer: q = q.Where(a => a.EmployerBin == actor.EmployerBin); break;
            default: return UseCaseResult<List<CaseSummary>>.Forbidden("This role has no permit applications.");
        }
        return UseCaseResult<List<CaseSummary>>.Ok(await SummariesAsync(q.OrderByDescending(a => a.CreatedAt), ct));
    }

    async Task<List<CaseSummary>> SummariesAsync(IQueryable<PermitApplication> ordered, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var applications = await ordered.Take(MaxRows).ToListAsync(ct);
        var bins = applications.Select(a => a.EmployerBin).Distinct().ToList();
        var names = await db.Set<Employer>().AsNoTracking().Where(e => bins.Contains(e.Bin)).ToDictionaryAsync(e => e.Bin, e => e.Name, ct);
        return applications.Select(a => new CaseSummary(a.Id, a.EmployerBin, names.GetValueOrDefault(a.EmployerBin, ""), a.RegionCode, a.Category,
            a.OccupationCode, a.WorkerCount, a.Status, a.SubmittedOn, a.DecisionDueOn, a.FeeDueOn,
            Waiting.Contains(a.Status) && a.DecisionDueOn < today)).ToList();
    }
}
