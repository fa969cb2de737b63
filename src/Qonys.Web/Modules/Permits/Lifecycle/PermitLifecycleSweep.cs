using Microsoft.EntityFrameworkCore;
using Qonys.Web.Modules.Permits.ChangePermits;
using Qonys.Web.Modules.Permits.Domain;
using Qonys.Web.Modules.Permits.Events;
using Qonys.Web.Modules.Permits.Quotas;
using Qonys.Web.Modules.Permits.SubmitApplication;

namespace Qonys.Web.Modules.Permits.Lifecycle;

/// <summary>What one sweep changed.</summary>
internal sealed record SweepResult(int PermitsExpired, int ApprovalsLapsed, int PermitsCancelled, int HouseholdPermitsExpired);

/// <summary>
/// The time-driven endings of the lifecycle, for a given day:
/// <list type="bullet">
/// <item>active permits past their last valid day expire (the quota place of that year was used: no ledger change);</item>
/// <item>approved applications whose fee was not paid by its due day lapse: their permits awaiting the fee are
/// cancelled and the used places released;</item>
/// <item>household permits past their last valid day expire and free their employer's slot.</item>
/// </list>
/// Each item is its own transaction guarded by a conditional update, so several app nodes sweeping at once change
/// each record once; an item another node changed first is skipped.
/// </summary>
internal sealed class PermitLifecycleSweep(AppDb db, QuotaBook quotas, AuditLog audit, Notifier notifier, OutboundEvents events, TimeProvider clock,
    ILogger<PermitLifecycleSweep> log)
{
    public async Task<SweepResult> RunOnceAsync(DateOnly today, CancellationToken ct = default)
    {
        var expired = 0;
        var expiring = await db.Set<Permit>().AsNoTracking().Where(p => p.Status == PermitStatus.Active && p.ValidUntil < today)
            .OrderBy(p => p.ValidUntil).Select(p => new { p.Number, p.ApplicationId, p.EmployerBin, p.ValidUntil }).ToListAsync(ct);
        foreach (var p in expiring)
            if (await IsolatedAsync(() => ExpireAsync(p.Number, p.ApplicationId, p.EmployerBin, p.ValidUntil, today, ct), false, "expire permit " + p.Number))
                expired++;

        var lapsed = 0;
        var cancelled = 0;
        var unpaid = await db.Set<PermitApplication>().AsNoTracking()
            .Where(a => a.Status == ApplicationStatus.Approved && a.FeeMci > 0 && a.FeeDueOn != null && a.FeeDueOn < today)
            .OrderBy(a => a.FeeDueOn).Select(a => a.Id).ToListAsync(ct);
        foreach (var id in unpaid)
        {
            var n = await IsolatedAsync(() => LapseAsync(id, today, ct), -1, "lapse application " + id);
            if (n < 0) continue;
            lapsed++;
            cancelled += n;
        }

        var household = await IsolatedAsync(() => ExpireHouseholdAsync(today, ct), 0, "expire household permits");
        return new SweepResult(expired, lapsed, cancelled, household);
    }

    async Task<bool> ExpireAsync(string number, Guid applicationId, string employerBin, DateOnly validUntil, DateOnly today, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var to = CaseHistory.PermitTarget(CaseActionType.Expire);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await db.Set<Permit>().Where(p => p.Number == number && p.Status == PermitStatus.Active && p.ValidUntil < today)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, to), ct) != 1)
            return false;
        await PermitEndings.ClosePendingRequestsAsync(db, number, "the permit expired", now, ct);
        var application = await db.Set<PermitApplication>().Include(a => a.History).FirstAsync(a => a.Id == applicationId, ct);
        application.History.Add(CaseHistory.AppendForPermit(application.History, applicationId, CaseActionType.Expire, now, null, Actor.System.Role,
            number, PermitStatus.Active, to, $"valid until {validUntil:yyyy-MM-dd}"));
        audit.Record(Actor.System, PermitLifecycleAuditEvents.PermitExpired, "permit", number, new { validUntil });
        events.Emit(new PermitExpiredV1(number, applicationId, employerBin, application.RegionCode, validUntil));
        await notifier.NotifyEmployerAsync(employerBin, "Permit expired", $"Permit {number} expired: it was valid until {validUntil:yyyy-MM-dd}.",
            "/permits/" + number, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>Lapses one approval; the number of permits cancelled, or −1 when another node lapsed (or the fee was paid) first.</summary>
    async Task<int> LapseAsync(Guid id, DateOnly today, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var to = CaseHistory.Target(CaseActionType.Lapse);
        var application = await db.Set<PermitApplication>().Include(a => a.History).FirstAsync(a => a.Id == id, ct);
        var holdsQuota = application.HoldsQuota;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await db.Set<PermitApplication>().Where(a => a.Id == id && a.Status == ApplicationStatus.Approved && a.FeeDueOn < today)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, to).SetProperty(a => a.HoldsQuota, false), ct) != 1)
            return -1;
        var waiting = await db.Set<Permit>().AsNoTracking().Where(p => p.ApplicationId == id && p.Status == PermitStatus.AwaitingFee)
            .OrderBy(p => p.Number).Select(p => p.Number).ToListAsync(ct);
        var cancel = CaseHistory.PermitTarget(CaseActionType.Cancel);
        var cancelled = new List<string>();
        foreach (var number in waiting)
        {
            if (await db.Set<Permit>().Where(p => p.Number == number && p.Status == PermitStatus.AwaitingFee)
                    .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, cancel).SetProperty(p => p.EndedOn, today), ct) != 1) continue;
            cancelled.Add(number);
            await PermitEndings.ClosePendingRequestsAsync(db, number, "the approval lapsed", now, ct);
        }
        // Places of permits revoked before the lapse were released then; the rest are released now.
        if (holdsQuota && cancelled.Count > 0)
            await quotas.ReleaseUseAsync(application.QuotaYear, application.RegionCode, application.Category, cancelled.Count, ct);
        var reason = $"the fee was not paid by {application.FeeDueOn:yyyy-MM-dd}";
        application.History.Add(CaseHistory.Append(application.History, id, CaseActionType.Lapse, now, null, Actor.System.Role, to, reason));
        foreach (var number in cancelled)
            application.History.Add(CaseHistory.AppendForPermit(application.History, id, CaseActionType.Cancel, now, null, Actor.System.Role,
                number, PermitStatus.AwaitingFee, cancel, reason));
        application.Status = to;
        application.HoldsQuota = false;
        audit.Record(Actor.System, PermitAuditEvents.ApprovalLapsed, "permit_application", id.ToString(),
            new { feeDueOn = application.FeeDueOn, cancelled, quotaReleased = cancelled.Count, application.QuotaYear });
        events.Emit(PermitsOutboundEvents.StatusChanged(application, ApplicationStatus.Approved, to, now, cancelled));
        await notifier.NotifyEmployerAsync(application.EmployerBin, "Permit application lapsed",
            $"The approval lapsed because {reason}; {cancelled.Count} permit(s) are cancelled and the quota places released.",
            "/permits/applications/" + id, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return cancelled.Count;
    }

    async Task<int> ExpireHouseholdAsync(DateOnly today, CancellationToken ct)
    {
        var numbers = await db.Set<HouseholdPermit>().AsNoTracking().Where(p => p.Status == HouseholdPermitStatus.Active && p.ValidUntil < today)
            .Select(p => p.Number).ToListAsync(ct);
        if (numbers.Count == 0) return 0;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var n = await db.Set<HouseholdPermit>().Where(p => numbers.Contains(p.Number) && p.Status == HouseholdPermitStatus.Active && p.ValidUntil < today)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, HouseholdPermitStatus.Expired).SetProperty(p => p.EmployerSlot, (int?)null), ct);
        audit.Record(Actor.System, PermitLifecycleAuditEvents.HouseholdPermitsExpired, "household_permit", null, new { today, count = n, numbers });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return n;
    }

    /// <summary>Runs one item; a failure (e.g. a concurrent writer on the same case) is logged and the sweep goes on.</summary>
    async Task<T> IsolatedAsync<T>(Func<Task<T>> item, T failed, string what)
    {
        try
        {
            return await item();
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException)
        {
            log.LogWarning("Permit lifecycle sweep could not {What}: {Error}; it is retried on the next run", what, e.Message);
            return failed;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}
