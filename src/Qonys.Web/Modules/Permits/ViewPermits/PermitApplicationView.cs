using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qonys.Web.Modules.Permits.Access;
using Qonys.Web.Modules.Permits.Domain;
using Qonys.Web.Modules.Permits.SubmitApplication;

namespace Qonys.Web.Modules.Permits;

/// <summary>Reads a case within the caller's scope (out of scope is "not found"); the read of workers' data is audited.</summary>
internal sealed class PermitApplicationView(AppDb db, PermitApplicationAccess access, AuditLog audit)
{
    /// <summary>Loads a case for a decision or a read; null when it does not exist or is out of the actor's scope.</summary>
    public async Task<PermitApplication?> LoadAsync(Actor actor, Guid id, bool tracking, CancellationToken ct)
    {
        var query = db.Set<PermitApplication>().Include(a => a.Workers).Include(a => a.History).AsSplitQuery();
        var application = await (tracking ? query : query.AsNoTracking()).FirstOrDefaultAsync(a => a.Id == id, ct);
        if (application is null) return null;
        if (access.Allows(actor, PermitApplicationOperations.Read, application)) return application;
        await audit.RecordNowAsync(actor, PlatformAuditEvents.RecordOutOfScope, "permit_application", id.ToString(), ct: ct);
        return null;
    }

    public async Task<UseCaseResult<PermitApplicationResponse>> GetAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var application = await LoadAsync(actor, id, tracking: false, ct);
        if (application is null) return UseCaseResult<PermitApplicationResponse>.NotFound();
        var permits = await db.Set<Permit>().AsNoTracking().Where(p => p.ApplicationId == id).OrderBy(p => p.Number)
            .Select(p => p.Number).ToListAsync(ct);
        await audit.RecordNowAsync(actor, PermitAuditEvents.ApplicationRead, "permit_application", id.ToString(), ct: ct);
        return UseCaseResult<PermitApplicationResponse>.Ok(ToResponse(application, actor, access, permits));
    }

    /// <summary>The case as the API answers it, with the actions <paramref name="actor"/> may take next.</summary>
    public static PermitApplicationResponse ToResponse(PermitApplication a, Actor actor, PermitApplicationAccess access, IReadOnlyList<string> permits)
    {
        var history = a.History.OrderBy(h => h.Seq).ToList();
        var status = CaseHistory.StatusOf(history) ?? a.Status;
        var feeDue = a.FeeMci > 0;
        var next = CaseHistory.NextActions(status, feeDue).Where(action => MayTake(access, actor, a, action)).ToList();
        return new PermitApplicationResponse(a.Id, status, a.EmployerBin, a.RegionCode, a.Category, a.OccupationCode, a.OkedSection,
            a.WorkerCount, a.Months, a.MonthlySalaryKzt, a.VacancyPublishedOn, a.SendingCountry, a.SubmittedOn,
            JsonSerializer.Deserialize<List<CheckResult>>(a.ChecksJson, SubmitPermitApplication.Json) ?? [],
            new FeeResponse(a.FeeMci, a.FeeKzt, a.SubmittedOn.Year, a.FeeMci == 0 ? 0 : a.FeeKzt / (decimal)a.FeeMci, false, a.FeeRuleVersion),
            a.QuotaYear, a.DecisionDueOn, a.FeeDueOn, next,
            history.Select(h => new HistoryEntryResponse(h.At, h.ActorRole, h.Action, h.FromStatus, h.ToStatus, h.Reason, h.PermitNumber)).ToList(),
            a.Workers.OrderBy(w => w.Position).Select(w => new WorkerResponse(w.FullName, w.PassportNumber, w.Citizenship, w.BirthDate, w.Education)).ToList(),
            permits);
    }

    /// <summary>Whether <paramref name="actor"/> may take a case action on a case (the application's access rule decides).</summary>
    public static bool MayTake(PermitApplicationAccess access, Actor actor, PermitApplication a, string action) =>
        PermitApplicationOperations.Of(action) is { } operation && access.Allows(actor, operation, a);
}
