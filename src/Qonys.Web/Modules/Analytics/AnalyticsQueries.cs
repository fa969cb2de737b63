using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Qonys.Web.Modules.Compliance.Domain;
using Qonys.Web.Modules.Permits.Domain;
using Qonys.Web.Platform.Auth;
using Qonys.Web.Platform.Data;
using Qonys.Web.Platform.Hosting;

namespace Qonys.Web.Modules.Analytics;

/// <summary>
/// The analytical centre's core figures (API.md "Analytics (core contract)"), counted in the database. National for
/// analysts and administrators; officers and inspectors see their own region only.
/// </summary>
public sealed class AnalyticsQueries(AppDb db)
{
    public static readonly IReadOnlyList<string> WorkerBreakdowns = ["category", "citizenship", "okedSection", "region"];
    public static readonly IReadOnlyList<string> OffenceBreakdowns = ["region", "article", "offenderType"];

    /// <summary><see cref="Permit.IsValidOn"/> as SQL: not awaiting the fee nor cancelled, within the validity, not ended before.</summary>
    public static Expression<Func<Permit, bool>> ValidOn(DateOnly day) => p =>
        p.Status != PermitStatus.AwaitingFee && p.Status != PermitStatus.Cancelled &&
        p.ValidFrom <= day && day <= p.ValidUntil && (p.EndedOn == null || day < p.EndedOn);

    public async Task<UseCaseResult<ForeignWorkersResponse>> ForeignWorkersAsync(Actor actor, string? date, string? by, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var day = ParseDate(date, "date", errors);
        if (by is not null && !WorkerBreakdowns.Contains(by)) errors.Add("by", "must be one of " + string.Join(", ", WorkerBreakdowns));
        if (errors.Any) return UseCaseResult<ForeignWorkersResponse>.Invalid(errors);

        var valid = ValidPermits(actor, day!.Value);
        var total = await valid.CountAsync(ct);
        List<CountItem> items = by switch
        {
            "category" => await valid.GroupBy(p => p.Category).Select(g => new CountItem(g.Key, g.Count())).ToListAsync(ct),
            "citizenship" => await valid.GroupBy(p => p.Citizenship).Select(g => new CountItem(g.Key, g.Count())).ToListAsync(ct),
            "okedSection" => await valid.GroupBy(p => p.OkedSection).Select(g => new CountItem(g.Key, g.Count())).ToListAsync(ct),
            "region" => await valid.GroupBy(p => p.RegionCode).Select(g => new CountItem(g.Key, g.Count())).ToListAsync(ct),
            _ => [],
        };
        return UseCaseResult<ForeignWorkersResponse>.Ok(new(day.Value, by, total,
            items.OrderByDescending(i => i.Count).ThenBy(i => i.Key, StringComparer.Ordinal).ToList()));
    }

    public async Task<UseCaseResult<EmployersUsingForeignLabourResponse>> EmployersUsingForeignLabourAsync(Actor actor, string? date, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var day = ParseDate(date, "date", errors);
        if (errors.Any) return UseCaseResult<EmployersUsingForeignLabourResponse>.Invalid(errors);
        var total = await ValidPermits(actor, day!.Value).Select(p => p.EmployerBin).Distinct().CountAsync(ct);
        return UseCaseResult<EmployersUsingForeignLabourResponse>.Ok(new(day.Value, total));
    }

    public async Task<UseCaseResult<OffencesResponse>> OffencesAsync(Actor actor, string? from, string? to, string? by, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var first = ParseDate(from, "from", errors);
        var last = ParseDate(to, "to", errors);
        if (first is not null && last is not null && last < first) errors.Add("to", "must not be before 'from'");
        if (by is not null && !OffenceBreakdowns.Contains(by)) errors.Add("by", "must be one of " + string.Join(", ", OffenceBreakdowns));
        if (errors.Any) return UseCaseResult<OffencesResponse>.Invalid(errors);

        var q = db.Set<Offence>().AsNoTracking().Where(o => o.CommittedOn >= first!.Value && o.CommittedOn <= last!.Value);
        if (Roles.IsRegional(actor.Role)) q = q.Where(o => o.RegionCode == actor.RegionCode);
        if (by is null)
        {
            var count = await q.CountAsync(ct);
            var imposed = await q.SumAsync(o => o.FineKzt, ct);
            var collected = await q.SumAsync(o => o.CollectedKzt, ct);
            return UseCaseResult<OffencesResponse>.Ok(new(first!.Value, last!.Value, null, count, imposed, collected, []));
        }
        var grouped = by switch
        {
            "region" => q.GroupBy(o => o.RegionCode),
            "article" => q.GroupBy(o => o.Article),
            _ => q.GroupBy(o => o.OffenderType),
        };
        var rows = await grouped.Select(g => new OffenceItem(g.Key, g.Count(), g.Sum(o => o.FineKzt), g.Sum(o => o.CollectedKzt))).ToListAsync(ct);
        return UseCaseResult<OffencesResponse>.Ok(new(first!.Value, last!.Value, by, rows.Sum(r => r.Count), rows.Sum(r => r.FinesImposedKzt),
            rows.Sum(r => r.FinesCollectedKzt), rows.OrderByDescending(r => r.Count).ThenBy(r => r.Key, StringComparer.Ordinal).ToList()));
    }

    IQueryable<Permit> ValidPermits(Actor actor, DateOnly day)
    {
        var q = db.Set<Permit>().AsNoTracking().Where(ValidOn(day));
        return Roles.IsRegional(actor.Role) ? q.Where(p => p.RegionCode == actor.RegionCode) : q;
    }

    static DateOnly? ParseDate(string? value, string field, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, "is required (a date YYYY-MM-DD)");
            return null;
        }
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return day;
        errors.Add(field, $"'{value}' is not a date of the form YYYY-MM-DD");
        return null;
    }
}
