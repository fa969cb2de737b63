using Microsoft.EntityFrameworkCore;
using Qonys.Web.Modules.Permits.Access;
using Qonys.Web.Modules.Permits.Domain;
using Qonys.Web.Modules.Permits.Events;
using Qonys.Web.Modules.Permits.Quotas;
using Qonys.Web.Modules.Permits.SubmitApplication;

namespace Qonys.Web.Modules.Permits.Decisions;

/// <summary>
/// The status-changing actions on a case after submission: approve (permits issued, reservation becomes use),
/// reject and withdraw (reservation released); the fee is paid by the payment gateway's event (Payments/FeePaymentReceived). Each is a conditional update of
/// the case's status inside one transaction with the quota ledger, the history, the audit entry and the
/// notification, so two concurrent decisions on one case give one success and one 409.
/// </summary>
internal sealed class DecideApplication(AppDb db, PermitApplicationView view, PermitApplicationAccess access, QuotaBook quotas, ReferenceData refs, AuditLog audit,
    Notifier notifier, OutboundEvents events, TimeProvider clock)
{
    public Task<UseCaseResult<PermitApplicationResponse>> ApproveAsync(Actor actor, Guid id, CancellationToken ct) =>
        DecideAsync(actor, id, CaseActionType.Approve, reason: null, ct);

    public Task<UseCaseResult<PermitApplicationResponse>> RejectAsync(Actor actor, Guid id, DecisionRequest? body, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(body?.Reason)
            ? Task.FromResult(UseCaseResult<PermitApplicationResponse>.Invalid("reason", "is required: say why the application is rejected"))
            : DecideAsync(actor, id, CaseActionType.Reject, body.Reason.Trim(), ct);

    public Task<UseCaseResult<PermitApplicationResponse>> WithdrawAsync(Actor actor, Guid id, DecisionRequest? body, CancellationToken ct) =>
        DecideAsync(actor, id, CaseActionType.Withdraw, body?.Reason?.Trim(), ct);

    async Task<UseCaseResult<PermitApplicationResponse>> DecideAsync(Actor actor, Guid id, string action, string? reason, CancellationToken ct)
    {
        if (reason is { Length: > 2000 }) return UseCaseResult<PermitApplicationResponse>.Invalid("reason", "must be at most 2000 characters");
        var application = await view.LoadAsync(actor, id, tracking: true, ct);
        if (application is null) return UseCaseResult<PermitApplicationResponse>.NotFound();
        if (!PermitApplicationView.MayTake(access, actor, application, action))
            return UseCaseResult<PermitApplicationResponse>.Forbidden($"A {actor.Role} may not {action.Replace('_', ' ')} this application.");
        var from = CaseHistory.StatusOf(application.History) ?? application.Status;
        var feeDue = application.FeeMci > 0;
        if (!CaseHistory.Allows(from, action, feeDue))
            return UseCaseResult<PermitApplicationResponse>.Conflict($"An application that is {from.Replace('_', ' ')} cannot be {Past(action)}.");

        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var to = CaseHistory.Target(action);
        // Everything that only reads comes before the transaction, so the quota row is locked just for the writes and the commit.
        var permits = action == CaseActionType.Approve ? IssuePermits(application, today, active: !feeDue) : [];
        var feeDueOn = action == CaseActionType.Approve && feeDue
            ? (await refs.CalendarAsync(ct)).AddWorkingDays(today, (int)(await refs.RequireRuleAsync("fee.due_working_days", today, ct)).Value)
            : application.FeeDueOn;
        var recipients = await notifier.EmployerAccountsAsync(application.EmployerBin, ct);

        await using var tx = await db.BeginUseCaseTransactionAsync(ct);
        // The status change is the guard: only one concurrent decision finds the case still in 'from'.
        var changed = await db.Set<PermitApplication>().Where(a => a.Id == id && a.Status == from)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, to), ct);
        if (changed != 1) return UseCaseResult<PermitApplicationResponse>.Conflict("The application was changed by someone else; reload it.");

        switch (action)
        {
            case CaseActionType.Approve:
                if (application.HoldsQuota)
                    await quotas.UseReservationAsync(application.QuotaYear, application.RegionCode, application.Category, application.WorkerCount, ct);
                db.AddRange(permits);
                application.FeeDueOn = feeDueOn;
                break;
            case CaseActionType.Reject or CaseActionType.Withdraw:
                if (application.HoldsQuota)
                    await quotas.ReleaseReservationAsync(application.QuotaYear, application.RegionCode, application.Category, application.WorkerCount, ct);
                application.HoldsQuota = false;
                break;
        }
        application.Status = to;
        var entry = CaseHistory.Append(application.History, id, action, now, actor.UserId, actor.Role, to, reason);
        application.History.Add(entry);
        audit.Record(actor, PermitAuditEvents.ApplicationDecided,
            "permit_application", id.ToString(), new { action, from, to, reason, permits = permits.Select(p => p.Number) });
        notifier.Notify(recipients, $"Permit application {to.Replace('_', ' ')}", Message(application, action, reason, permits),
            "/permits/applications/" + id);
        events.Emit(PermitsOutboundEvents.StatusChanged(application, from, to, now, permits.Select(p => p.Number)));
        foreach (var p in permits) events.Emit(PermitsOutboundEvents.Issued(p));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        var numbers = action == CaseActionType.Approve
            ? permits.Select(p => p.Number).Order(StringComparer.Ordinal).ToList()
            : await db.Set<Permit>().AsNoTracking().Where(p => p.ApplicationId == id).OrderBy(p => p.Number).Select(p => p.Number).ToListAsync(ct);
        return UseCaseResult<PermitApplicationResponse>.Ok(PermitApplicationView.ToResponse(application, actor, access, numbers));
    }

    static List<Permit> IssuePermits(PermitApplication a, DateOnly today, bool active) =>
        a.Workers.OrderBy(w => w.Position).Select(w => new Permit
        {
            Number = PermitNumbers.New(a.RegionCode, today.Year), ApplicationId = a.Id, WorkerId = w.Id, EmployerBin = a.EmployerBin,
            RegionCode = a.RegionCode, Category = a.Category, OccupationCode = a.OccupationCode, OkedSection = a.OkedSection,
            Citizenship = w.Citizenship, IssuedOn = today, ValidFrom = today, ValidUntil = today.AddMonths(a.Months).AddDays(-1),
            Status = active ? PermitStatus.Active : PermitStatus.AwaitingFee,
        }).ToList();

    static string Past(string action) => action switch
    {
        CaseActionType.Approve => "approved", CaseActionType.Reject => "rejected", CaseActionType.Withdraw => "withdrawn",
        _ => action,
    };

    static string Message(PermitApplication a, string action, string? reason, List<Permit> permits) => action switch
    {
        CaseActionType.Approve when a.FeeMci > 0 =>
            $"Approved: {permits.Count} permit(s) issued. Pay the state fee of {a.FeeKzt:N0} KZT by {a.FeeDueOn:yyyy-MM-dd}, or the approval lapses.",
        CaseActionType.Approve => $"Approved: {permits.Count} permit(s) issued and valid.",
        CaseActionType.Reject => "Rejected: " + reason,
        _ => "Withdrawn" + (reason is null ? "." : ": " + reason),
    };
}
