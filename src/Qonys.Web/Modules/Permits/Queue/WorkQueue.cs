using Microsoft.EntityFrameworkCore;
using Qonys.Web.Modules.Permits.Access;
using Qonys.Web.Modules.Permits.Domain;
using Qonys.Web.Modules.Registry.Contracts;
using Qonys.Web.Modules.Support.Contracts;
using Qonys.Web.Platform.Security;

namespace Qonys.Web.Modules.Permits.Queue;

/// <summary>
/// The officers' work queue, one for the API and the pages: applications ordered by decision due date (then filing
/// time), each with the "overdue" flag of <see cref="DecisionDeadline"/>, and pending extension/replacement requests by
/// their due date. What a caller sees is the reach of the records' access rules (<see cref="PermitApplicationAccess"/>,
/// <see cref="PermitChangeRequestAccess"/>): an officer or inspector its own region (another region asked for gives an
/// empty list), an employer its own BIN, an administrator any region.
/// </summary>
internal sealed class WorkQueue(AppDb db, PermitApplicationAccess applications, PermitChangeRequestAccess requests, IEmployerDirectory employers,
    ReferenceData refs, AuditLog audit, Pseudonyms pseudonyms, ISupportDeadlines replies, TimeProvider clock)
{
    /// <summary>The most rows a page shows at once (the API pages through the same rows).</summary>
    public const int MaxRows = Paging.MaxPageSize;

    static readonly string[] Statuses =
    [
        ApplicationStatus.Submitted, ApplicationStatus.ChecksFailed, ApplicationStatus.Approved, ApplicationStatus.FeePaid,
        ApplicationStatus.Rejected, ApplicationStatus.Withdrawn, ApplicationStatus.Lapsed,
    ];

    /// <summary>The statuses in which an application waits for a decision (the /permits/queue page).</summary>
    static readonly string[] Waiting = [ApplicationStatus.Submitted, ApplicationStatus.ChecksFailed];

    static readonly string[] RequestStatuses = [ChangeRequestStatus.Pending, ChangeRequestStatus.Approved, ChangeRequestStatus.Rejected, ChangeRequestStatus.Closed];

    /// <summary>GET /api/v1/permit-applications: the queue by region, status and overdue flag, a page at a time.</summary>
    public async Task<UseCaseResult<PagedList<ApplicationQueueItem>>> ApplicationsAsync(Actor actor, string? regionCode, string? status, bool overdue,
        int? page, int? pageSize, CancellationToken ct)
    {
        var e = new ValidationErrors();
        if (status is not null && !Statuses.Contains(status)) e.Add("status", $"'{status}' is not an application status; use one of {string.Join(", ", Statuses)}");
        if (regionCode is not null && !await refs.RegionExistsAsync(regionCode, ct)) e.Add("regionCode", $"'{regionCode}' is not a region code (ISO 3166-2:KZ)");
        if (e.Any) return UseCaseResult<PagedList<ApplicationQueueItem>>.Invalid(e);
        var (p, size) = Paging.Normalise(page, pageSize);
        var today = Today();
        var q = InReach(actor, regionCode);
        if (status is not null) q = q.Where(a => a.Status == status);
        if (overdue) q = q.Where(DecisionDeadline.Overdue(today));
        var total = await q.CountAsync(ct);
        var rows = await Ordered(q).Skip((p - 1) * size).Take(size)
            .Select(a => new { a.Id, a.EmployerBin, a.RegionCode, a.Category, a.WorkerCount, a.Status, a.SubmittedOn, a.DecisionDueOn, a.FeeDueOn })
            .ToListAsync(ct);
        var items = rows.Select(a => new ApplicationQueueItem(a.Id, a.EmployerBin, a.RegionCode, a.Category, a.WorkerCount, a.Status, a.SubmittedOn,
            a.DecisionDueOn, a.FeeDueOn, DecisionDeadline.IsOverdue(a.Status, a.DecisionDueOn, today))).ToList();
        return UseCaseResult<PagedList<ApplicationQueueItem>>.Ok(new(items, total, p, size));
    }

    /// <summary>The /permits/queue page: the same queue, the applications still waiting for a decision, with their employers' names.</summary>
    public async Task<UseCaseResult<List<CaseSummary>>> WaitingAsync(Actor actor, string? regionCode, CancellationToken ct)
    {
        if (regionCode is not null && !await refs.RegionExistsAsync(regionCode, ct))
            return UseCaseResult<List<CaseSummary>>.Invalid("regionCode", $"'{regionCode}' is not a region code (ISO 3166-2:KZ)");
        var q = InReach(actor, regionCode).Where(a => Waiting.Contains(a.Status));
        return UseCaseResult<List<CaseSummary>>.Ok(await SummariesAsync(Ordered(q), ct));
    }

    /// <summary>The /permits page: the most recent applications within the caller's reach.</summary>
    public async Task<UseCaseResult<List<CaseSummary>>> RecentAsync(Actor actor, CancellationToken ct)
    {
        if (!applications.Grants(actor.Role, PermitApplicationOperations.Read))
            return UseCaseResult<List<CaseSummary>>.Forbidden("This role has no permit applications.");
        return UseCaseResult<List<CaseSummary>>.Ok(await SummariesAsync(InReach(actor, null).OrderByDescending(a => a.CreatedAt), ct));
    }

    /// <summary>GET /api/v1/permits/requests: change requests (pending unless asked otherwise) by due date, a page at a time.</summary>
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
        var q = db.Set<PermitChangeRequest>().AsNoTracking().Where(requests.ScopeOf(actor, PermitChangeRequestOperations.Read));
        if (regionCode is not null) q = q.Where(r => r.RegionCode == regionCode);
        if (kind is not null) q = q.Where(r => r.Kind == kind);
        var wanted = status ?? ChangeRequestStatus.Pending;
        q = q.Where(r => r.Status == wanted);
        if (overdue) q = q.Where(r => r.Status == ChangeRequestStatus.Pending && r.DecisionDueOn < today);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderBy(r => r.DecisionDueOn).ThenBy(r => r.CreatedAt).ThenBy(r => r.Id).Skip((p - 1) * size).Take(size).ToListAsync(ct);
        // Replacements name their new worker: one audit entry per list read, naming the requests shown that do.
        var naming = rows.Where(r => r.WorkerFullName is not null).Select(r => r.Id.ToString()).ToList();
        if (naming.Count > 0)
            await audit.RecordNowAsync(actor, PermitLifecycleAuditEvents.ChangeRequestsListed, "permit_change_request", null,
                new PersonalDataList(naming, total, new { regionCode, kind, status = wanted, overdue, page = p, pageSize = size }), ct);
        return UseCaseResult<PagedList<ChangeRequestResponse>>.Ok(new(rows.Select(r => ChangeRequestResponse.From(r, today,
            requests.Allows(actor, PermitChangeRequestOperations.IdentifyWorker, r) ? null : pseudonyms)).ToList(), total, p, size));
    }

    /// <summary>The applications the actor reaches, of <paramref name="regionCode"/> when one is asked for.</summary>
    IQueryable<PermitApplication> InReach(Actor actor, string? regionCode)
    {
        var q = db.Set<PermitApplication>().AsNoTracking().Where(applications.ScopeOf(actor, PermitApplicationOperations.Read));
        return regionCode is null ? q : q.Where(a => a.RegionCode == regionCode);
    }

    static IQueryable<PermitApplication> Ordered(IQueryable<PermitApplication> q) => q.OrderBy(a => a.DecisionDueOn).ThenBy(a => a.CreatedAt).ThenBy(a => a.Id);

    async Task<List<CaseSummary>> SummariesAsync(IQueryable<PermitApplication> ordered, CancellationToken ct)
    {
        var today = Today();
        var rows = await ordered.Take(MaxRows).ToListAsync(ct);
        var names = await employers.NamesAsync(rows.Select(a => a.EmployerBin).Distinct().ToList(), ct);
        var replyDue = await replies.ReplyDueAsync(Access.PermitApplicationSupportCase.CaseKind, rows.Select(a => a.Id.ToString()).ToList(), ct);
        return rows.Select(a => new CaseSummary(a.Id, a.EmployerBin, names.GetValueOrDefault(a.EmployerBin, ""), a.RegionCode, a.Category,
            a.OccupationCode, a.WorkerCount, a.Status, a.SubmittedOn, a.DecisionDueOn, a.FeeDueOn,
            DecisionDeadline.IsOverdue(a.Status, a.DecisionDueOn, today), replyDue.TryGetValue(a.Id.ToString(), out var due) ? due : null)).ToList();
    }

    DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
