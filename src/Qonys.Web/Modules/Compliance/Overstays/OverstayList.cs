using Qonys.Web.Modules.Compliance.Contracts;

namespace Qonys.Web.Modules.Compliance.Overstays;

internal sealed record OverstayResponse(string PassportNumber, string Citizenship, string FullName, string PermitNumber, string EmployerBin,
    string RegionCode, DateOnly PermitLastValidOn, DateOnly LeaveBy, int DaysOverstayed, DateTime? LastEntryAt, string? StayRegionCode,
    string? StayAddress, string ExitPeriodRule, DateOnly ExitPeriodRuleVersion);

/// <summary>
/// <c>GET /api/v1/compliance/overstays</c>: the inspection's cases of foreign workers still in the country after their
/// permit ended and the exit period (rule value <c>permit.exit_period_days</c>) passed. An inspector sees the cases of
/// the inspector's region (the last permit's region); administrators every region, or one by <c>regionCode</c>.
/// The read of workers' identities is audited.
/// </summary>
internal sealed class OverstayList(IForeignWorkerPresence presence, ReferenceData refs, AuditLog audit, TimeProvider clock)
{
    public const string ExitPeriodRule = "permit.exit_period_days";

    public async Task<UseCaseResult<PagedList<OverstayResponse>>> ListAsync(Actor actor, string? regionCode, int? page, int? pageSize, CancellationToken ct)
    {
        if (regionCode is not null && !await refs.RegionExistsAsync(regionCode, ct))
            return UseCaseResult<PagedList<OverstayResponse>>.Invalid("regionCode", "is not a region code of the reference data");
        if (actor.Role == Roles.Inspector)
        {
            if (regionCode is not null && regionCode != actor.RegionCode)
                return UseCaseResult<PagedList<OverstayResponse>>.Forbidden("An inspector sees the cases of the inspector's own region.");
            regionCode = actor.RegionCode;
        }
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var rule = await refs.RequireRuleAsync(ExitPeriodRule, today, ct);
        var all = await presence.OverstayingAsync(today, (int)rule.Value, regionCode, ct);
        var (p, size) = Paging.Normalise(page, pageSize);
        var items = all.Skip((p - 1) * size).Take(size).Select(o => new OverstayResponse(o.PassportNumber, o.Citizenship, o.FullName, o.PermitNumber,
            o.EmployerBin, o.RegionCode, o.PermitLastValidOn, o.LeaveBy, o.DaysOverstayed, o.LastEntryAt, o.StayRegionCode, o.StayAddress,
            ExitPeriodRule, rule.EffectiveFrom)).ToList();
        await audit.RecordNowAsync(actor, ComplianceAuditEvents.OverstaysRead, "overstays", regionCode, new { count = items.Count }, ct);
        return UseCaseResult<PagedList<OverstayResponse>>.Ok(new PagedList<OverstayResponse>(items, all.Count, p, size));
    }
}
