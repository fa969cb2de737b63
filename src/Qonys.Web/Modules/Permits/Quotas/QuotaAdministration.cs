using Microsoft.EntityFrameworkCore;
using Qonys.Web.Modules.Permits.Domain;
using Qonys.Web.Modules.Permits.Events;
using Qonys.Web.Modules.Permits.SubmitApplication;

namespace Qonys.Web.Modules.Permits.Quotas;

/// <summary>Reads the quota ledger and lets an administrator set or revise a cap, keeping the reason.</summary>
internal sealed class QuotaAdministration(AppDb db, ReferenceData refs, AuditLog audit, OutboundEvents events, TimeProvider clock)
{
    public async Task<UseCaseResult<List<QuotaResponse>>> ListAsync(Actor actor, int? year, string? regionCode, string? category, CancellationToken ct)
    {
        var e = new ValidationErrors();
        if (category is not null && !PermitCategory.HasQuota(category) | !PermitCategory.IsValid(category))
            e.Add("category", $"'{category}' is not a quota category; use one of 1, 2, 3, 4, seasonal");
        if (year is < 2000 or > 2100) e.Add("year", "must be between 2000 and 2100");
        if (e.Any) return UseCaseResult<List<QuotaResponse>>.Invalid(e);
        var q = db.Set<QuotaLedger>().AsNoTracking();
        if (year is not null) q = q.Where(x => x.Year == year);
        if (regionCode is not null) q = q.Where(x => x.RegionCode == regionCode);
        if (category is not null) q = q.Where(x => x.Category == category);
        var rows = await q.OrderBy(x => x.Year).ThenBy(x => x.RegionCode).ThenBy(x => x.Category).ToListAsync(ct);
        return UseCaseResult<List<QuotaResponse>>.Ok(rows.Select(QuotaResponse.From).ToList());
    }

    public async Task<UseCaseResult<QuotaResponse>> ReviseAsync(Actor actor, int year, string regionCode, string category,
        QuotaRevisionRequest body, CancellationToken ct)
    {
        var e = new ValidationErrors();
        if (year is < 2000 or > 2100) e.Add("year", "must be between 2000 and 2100");
        if (!await refs.RegionExistsAsync(regionCode, ct)) e.Add("regionCode", $"'{regionCode}' is not a region code (ISO 3166-2:KZ)");
        if (!PermitCategory.IsValid(category) || !PermitCategory.HasQuota(category))
            e.Add("category", $"'{category}' is not a quota category; use one of 1, 2, 3, 4, seasonal");
        if (body.Cap is null) e.Add("cap", "is required");
        else if (body.Cap is < 0 or > InputBounds.MaxQuotaCap) e.Add("cap", $"must be between 0 and {InputBounds.MaxQuotaCap}");
        if (string.IsNullOrWhiteSpace(body.Reason)) e.Add("reason", "is required: say why the cap is set or revised");
        else if (body.Reason.Length > 2000) e.Add("reason", "must be at most 2000 characters");
        if (e.Any) return UseCaseResult<QuotaResponse>.Invalid(e);
        var cap = body.Cap!.Value;

        await using var tx = await db.BeginUseCaseTransactionAsync(ct);
        var row = db.Set<QuotaLedger>().Where(q => q.Year == year && q.RegionCode == regionCode && q.Category == category);
        var current = await row.AsNoTracking().FirstOrDefaultAsync(ct);
        if (current is null)
            db.Add(new QuotaLedger { Year = year, RegionCode = regionCode, Category = category, Cap = cap });
        else if (await row.Where(q => q.Reserved + q.Used <= cap).ExecuteUpdateAsync(s => s.SetProperty(q => q.Cap, cap), ct) != 1)
        {
            var now = await row.AsNoTracking().FirstAsync(ct);
            return UseCaseResult<QuotaResponse>.Refused("quota_below_commitments",
                $"A cap of {cap} is below the {now.Reserved} reserved and {now.Used} used places of {year} {regionCode} category {category}.");
        }
        db.Add(new QuotaRevision
        {
            Year = year, RegionCode = regionCode, Category = category, At = clock.GetUtcNow().UtcDateTime, ActorId = actor.UserId,
            OldCap = current?.Cap ?? 0, NewCap = cap, Reason = body.Reason!.Trim(),
        });
        audit.Record(actor, PermitAuditEvents.QuotaRevised, "quota", $"{year}/{regionCode}/{category}",
            new { oldCap = current?.Cap, newCap = cap, reason = body.Reason });
        events.Emit(new QuotaRevisedV1(year, regionCode, category, current?.Cap, cap));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        var saved = await row.AsNoTracking().FirstAsync(ct);
        return UseCaseResult<QuotaResponse>.Ok(QuotaResponse.From(saved));
    }
}
