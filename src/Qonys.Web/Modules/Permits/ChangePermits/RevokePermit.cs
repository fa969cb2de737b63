using Microsoft.EntityFrameworkCore;
using Qonys.Web.Modules.Permits.Access;
using Qonys.Web.Modules.Permits.Domain;
using Qonys.Web.Modules.Permits.Events;
using Qonys.Web.Modules.Permits.Quotas;

namespace Qonys.Web.Modules.Permits.ChangePermits;

/// <summary>
/// An officer of the region or an administrator revokes a permit, with the reason: the permit ends today, its quota
/// place of the application's quota year is released, and pending requests on it are closed — one transaction, the
/// permit's status the guard.
/// </summary>
internal sealed class RevokePermit(AppDb db, PermitScope scope, PermitAccess access, QuotaBook quotas, AuditLog audit, Notifier notifier, OutboundEvents events, TimeProvider clock)
{
    public async Task<UseCaseResult<PermitResponse>> RevokeAsync(Actor actor, string number, DecisionRequest? body, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body?.Reason)) return UseCaseResult<PermitResponse>.Invalid("reason", "is required: say why the permit is revoked");
        if (body.Reason.Length > 2000) return UseCaseResult<PermitResponse>.Invalid("reason", "must be at most 2000 characters");
        var reason = body.Reason.Trim();
        var permit = await scope.PermitAsync(actor, number, ct);
        if (permit is null) return UseCaseResult<PermitResponse>.NotFound();
        if (!access.Allows(actor, PermitOperations.Revoke, permit))
            return UseCaseResult<PermitResponse>.Forbidden($"Only an officer of {permit.RegionCode} or an administrator revokes this permit.");
        if (!CaseHistory.PermitAllows(permit.Status, CaseActionType.Revoke))
            return UseCaseResult<PermitResponse>.Conflict($"A permit that is {permit.Status.Replace('_', ' ')} cannot be revoked.");

        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var to = CaseHistory.PermitTarget(CaseActionType.Revoke);
        var application = await scope.CaseAsync(permit.ApplicationId, ct);
        await using var tx = await db.BeginUseCaseTransactionAsync(ct);
        if (await db.Set<Permit>().Where(p => p.Number == number && p.Status == permit.Status)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, to).SetProperty(p => p.EndedOn, today), ct) != 1)
            return UseCaseResult<PermitResponse>.Conflict("The permit was changed by someone else; reload it.");
        if (application.HoldsQuota)
            await quotas.ReleaseUseAsync(application.QuotaYear, application.RegionCode, application.Category, 1, ct);
        await PermitEndings.ClosePendingRequestsAsync(db, number, "the permit was revoked", now, ct);
        application.History.Add(CaseHistory.AppendForPermit(application.History, application.Id, CaseActionType.Revoke, now, actor.UserId, actor.Role,
            number, permit.Status, to, reason));
        audit.Record(actor, PermitLifecycleAuditEvents.PermitRevoked, "permit", number,
            new { from = permit.Status, to, reason, quotaReleased = application.HoldsQuota ? 1 : 0, application.QuotaYear });
        events.Emit(new PermitRevokedV1(number, permit.ApplicationId, permit.EmployerBin, permit.RegionCode, permit.Status, today));
        await notifier.NotifyEmployerAsync(permit.EmployerBin, "Permit revoked", $"Permit {number} is revoked from {today:yyyy-MM-dd}: {reason}",
            "/permits/" + number, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return UseCaseResult<PermitResponse>.Conflict("The case was changed by someone else; try again.");
        }
        await tx.CommitAsync(ct);
        var saved = await db.Set<Permit>().AsNoTracking().FirstAsync(p => p.Number == number, ct);
        return UseCaseResult<PermitResponse>.Ok(PermitResponse.From(saved));
    }
}

/// <summary>What every ending of a permit does besides its own status change.</summary>
internal static class PermitEndings
{
    /// <summary>Pending extension or replacement requests of an ended permit are closed: nothing is left to decide.</summary>
    public static Task<int> ClosePendingRequestsAsync(AppDb db, string number, string why, DateTime now, CancellationToken ct) =>
        db.Set<PermitChangeRequest>().Where(r => r.PermitNumber == number && r.Status == ChangeRequestStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ChangeRequestStatus.Closed).SetProperty(r => r.DecidedAt, now)
                .SetProperty(r => r.DecisionReason, why), ct);
}
