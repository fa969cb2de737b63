using Microsoft.EntityFrameworkCore;
using Qonys.Web.Modules.Permits.Domain;

namespace Qonys.Web.Modules.Permits.Queues;

/// <summary>
/// The officers' work queues, ordered by decision due date: applications (with an "overdue" flag: submitted and
/// due before today) and pending extension/replacement requests. An officer or inspector sees its own region
/// whatever is asked, an employer its own BIN, an administrator any region.
/// </summary>
public sealed class WorkQueues(AppDb db, ReferenceData refs, TimeProvider clock)
{
    static readonly string[] Statuses =
    [
        ApplicationStatus.Submitted, ApplicationStatus.ChecksFailed, ApplicationStatus.Approved, ApplicationStatus.FeePaid,
        ApplicationStatus.Rejected, ApplicationStatus.Withdrawn, ApplicationStatus.Lapsed,
    ];

    static readonly string[] RequestStatuses = [ChangeRequestStatus.Pending, ChangeRequestStatus.Approved, ChangeRequestStatus.Rejected, ChangeRequestStatus.Closed];

    public async Task<UseCaseResult<PagedList<ApplicationQueueItem>>> ApplicationsAsync(Actor actor, string? regionCode, string? status, bool overdue,
        int? page, int? pageSize, CancellationToken ct)
    {
        var e = new ValidationErrors();
        if (status is not null && !Statuses.Contains(status)) e.Add("status", $"'{status}' is not an application status; use one of {string.Join(", ", Statuses)}");
        if (regionCode is not null && !await refs.RegionExistsAsync(regionCode, ct)) e.Add("regionCode", $"'{regionCode}' is not a region code (ISO 3166-2:KZ)");
        if (e.Any) return UseCaseResult<PagedList<ApplicationQueueItem>>.Invalid(e);
        var (p, size) = Paging.Normalise(page, pageSize);
        var today = Today();
        var q = db.Set<PermitApplication>().AsNoTracking();
        if (Roles.IsRegional(actor.Role)) q = q.Where(a => a.RegionCode == actor.RegionCode);
        else if (actor.Role == Roles.Employer) q = q.Where(a => a.EmployerBin == actor.EmployerBin);
        if (regionCode is not null) q = q.Where(a => a.RegionCode == regionCode);
        if (status is not null) q = q.Where(a => a.Status == status);
        if (overdue) q = q.Where(a => a.Status == ApplicationStatus.Submitted && a.DecisionDueOn < today);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderBy(a => a.DecisionDueOn).ThenBy(a => a.CreatedAt).ThenBy(a => a.Id).Skip((p - 1) * size).Take(size)
            .Select(a => new { a.Id, a.EmployerBin, a.RegionCode, a.Category, a.WorkerCount, a.Status, a.SubmittedOn, a.DecisionDueOn, a.FeeDueOn })
            .ToListAsync(ct);
        var items = rows.Select(a => new ApplicationQueueItem(a.Id, a.EmployerBin, a.RegionCode, a.Category, a.WorkerCount, a.Status, a.SubmittedOn,
            a.DecisionDueOn, a.FeeDueOn, a.Status == ApplicationStatus.Submitted && a.DecisionDueOn < today)).ToList();
        return UseCaseResult<PagedList<ApplicationQueueItem>>.Ok(new(items, total, p, size));
    }

    public async Task<UseCaseResult<PagedList<ChangeRequestResponse>>> RequestsAsync(Actor actor, string? regionCode, string? kind, string? status,
        bool overdue, int? page, int? pageSize, CancellationToken ct)
    {
        var e = new ValidationErrors();
        if (kind is not null && kind is not (ChangeRequestKind.Extension or ChangeRequestKind.Replacement))
            e.Add("kind", $"'{kind}' is not a request kind; use extension or replacement");
        if (status is not null && !RequestStatuses.Contains(status)) e.Add("status", $"'{status}' is not a request status; use one of {string.Join(", ", RequestStatuses)}");
        if (regionCode is not null && !await refs.RegionExistsAsync(regionCode, ct)) e.Add("regionCode", $"'{regionCode}' is not a region code (ISO 3166-2:KZ)");
        if (e.Any) return UseCaseResult<PagedList<ChangeRequestResponse>>.Invalid(e);
        var (p, size) = Paging.Normalise(page, pageSize);
        var today = Today();
        var q = db.Set<PermitChangeRequest>().AsNoTracking();
        if (Roles.IsRegional(actor.Role)) q = q.Where(r => r.RegionCode == actor.RegionCode);
        else if (actor.Role == Roles.Employer) q = q.Where(r => r.EmployerBin == actor.EmployerBin);
        if (regionCode is not null) q = q.Where(r => r.RegionCode == regionCode);
        if (kind is not null) q = q.Where(r => r.Kind == kind);
        var wanted = status ?? ChangeRequestStatus.Pending;
        q = q.Where(r => r.Status == wanted);
        if (overdue) q = q.Where(r => r.Status == ChangeRequestStatus.Pending && r.DecisionDueOn < today);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderBy(r => r.DecisionDueOn).ThenBy(r => r.CreatedAt).ThenBy(r => r.Id).Skip((p - 1) * size).Take(size).ToListAsync(ct);
        return UseCaseResult<PagedList<ChangeRequestResponse>>.Ok(new(rows.Select(r => ChangeRequestResponse.From(r, today)).ToList(), total, p, size));
    }

    DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
