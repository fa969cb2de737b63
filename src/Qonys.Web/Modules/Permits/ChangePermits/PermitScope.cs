using Microsoft.EntityFrameworkCore;
using Qonys.Web.Modules.Permits.Domain;

namespace Qonys.Web.Modules.Permits.ChangePermits;

/// <summary>Loads a permit and its case within the caller's scope (out of scope is "not found", and audited).</summary>
public sealed class PermitScope(AppDb db, AuditLog audit)
{
    /// <summary>Who sees a permit: administrators and analysts all, officers and inspectors their region, employers their own.</summary>
    public static bool InScope(Actor actor, Permit p) => actor.Role switch
    {
        Roles.Administrator or Roles.Analyst => true,
        Roles.Officer or Roles.Inspector => actor.RegionCode == p.RegionCode,
        Roles.Employer => actor.EmployerBin == p.EmployerBin,
        _ => false,
    };

    /// <summary>Officers of the permit's region and administrators decide on permits (revocation, change requests).</summary>
    public static bool MayDecide(Actor actor, string regionCode) =>
        actor.Role == Roles.Administrator || (actor.Role == Roles.Officer && actor.RegionCode == regionCode);

    /// <summary>The employer of the permit and administrators ask for extensions and replacements.</summary>
    public static bool MayRequest(Actor actor, Permit p) =>
        actor.Role == Roles.Administrator || (actor.Role == Roles.Employer && actor.EmployerBin == p.EmployerBin);

    public async Task<Permit?> PermitAsync(Actor actor, string number, CancellationToken ct)
    {
        var permit = await db.Set<Permit>().AsNoTracking().FirstOrDefaultAsync(p => p.Number == number, ct);
        if (permit is null) return null;
        if (InScope(actor, permit)) return permit;
        await audit.RecordNowAsync(actor, PlatformAuditEvents.RecordOutOfScope, "permit", number, ct: ct);
        return null;
    }

    /// <summary>The permit's case with its history and workers, tracked, to append history entries.</summary>
    public Task<PermitApplication> CaseAsync(Guid applicationId, CancellationToken ct) =>
        db.Set<PermitApplication>().Include(a => a.History).Include(a => a.Workers).AsSplitQuery().FirstAsync(a => a.Id == applicationId, ct);
}

/// <summary>Reads the rule values of the permit lifecycle with their versions.</summary>
public static class LifecycleRuleValues
{
    public static async Task<RuleParameter> ParameterAsync(ReferenceData refs, string key, DateOnly on, CancellationToken ct)
    {
        var value = await refs.RequireRuleAsync(key, on, ct);
        return new RuleParameter(value.Value, value.EffectiveFrom);
    }

    public static async Task<ExtensionRuleValues> ExtensionAsync(ReferenceData refs, DateOnly on, CancellationToken ct) => new(
        await ParameterAsync(refs, "deadline.extension_window_days_before_expiry.max", on, ct),
        await ParameterAsync(refs, "deadline.extension_window_days_before_expiry.min", on, ct),
        await ParameterAsync(refs, "permit.extensions.cat23.max", on, ct),
        await ParameterAsync(refs, "permit.term_months.cat23.max", on, ct),
        await ParameterAsync(refs, "ict.extension_months", on, ct),
        // Added with the lifecycle; a database seeded before it has no row, and the rules' "one extension" applies.
        await refs.RuleAsync("ict.extensions.max", on, ct) is { } ict ? new RuleParameter(ict.Value, ict.EffectiveFrom) : new RuleParameter(1, new DateOnly(2025, 1, 1)),
        await ParameterAsync(refs, "permit.term_months.cat1.max", on, ct));
}
