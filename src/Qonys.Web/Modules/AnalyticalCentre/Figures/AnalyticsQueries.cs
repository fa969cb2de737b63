using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Qonys.Web.Modules.Compliance.Contracts;
using Qonys.Web.Modules.Permits.Contracts;

namespace Qonys.Web.Modules.AnalyticalCentre.Figures;

/// <summary>
/// The analytical centre's core figures (API.md "Analytics (core contract)"), counted in the database. National for
/// analysts and administrators; officers and inspectors see their own region only. The figures are read from the
/// read models the permits and compliance modules publish (<see cref="IPermitRegister"/>,
/// <see cref="IOffenceRegister"/>).
/// </summary>
internal sealed class AnalyticsQueries(IPermitRegister permits, IOffenceRegister offences)
{
    public static readonly IReadOnlyList<string> WorkerBreakdowns =
        ["category", "citizenship", "okedSection", "region"];
    public static readonly IReadOnlyList<string> HouseholdWorkerBreakdowns = ["citizenship", "region"];
    public static readonly IReadOnlyList<string> OffenceBreakdowns = ["region", "article", "offenderType"];

    /// <summary>Foreign workers holding a valid employer permit on a date.</summary>
    public Task<UseCaseResult<WorkersOnDateResponse>> ForeignWorkersAsync(
        Actor actor, string? date, string? by, CancellationToken ct) =>
        WorkersOnDateAsync(date, by, WorkerBreakdowns, day => ValidPermits(actor, day), ForeignWorkerKey, ct);

    /// <summary>Household labour immigrants holding a valid household permit on a date.</summary>
    public Task<UseCaseResult<WorkersOnDateResponse>> HouseholdWorkersAsync(
        Actor actor, string? date, string? by, CancellationToken ct) =>
        WorkersOnDateAsync(date, by, HouseholdWorkerBreakdowns, day => ValidHouseholdPermits(actor, day),
            HouseholdWorkerKey, ct);

    static Expression<Func<IssuedPermit, string>> ForeignWorkerKey(string by) => by switch
    {
        "category" => p => p.Category,
        "citizenship" => p => p.Citizenship,
        "okedSection" => p => p.OkedSection,
        _ => p => p.RegionCode,
    };

    static Expression<Func<IssuedHouseholdPermit, string>> HouseholdWorkerKey(string by) =>
        by == "citizenship" ? p => p.WorkerCitizenship : p => p.RegionCode;

    /// <summary>
    /// The count of the permits valid on <paramref name="date"/> (already limited to the actor's scope by
    /// <paramref name="validOn"/>), and per key of <paramref name="by"/> when asked, largest first.
    /// </summary>
    static async Task<UseCaseResult<WorkersOnDateResponse>> WorkersOnDateAsync<T>(
        string? date, string? by, IReadOnlyList<string> breakdowns, Func<DateOnly, IQueryable<T>> validOn,
        Func<string, Expression<Func<T, string>>> keyOf, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var day = ParseDate(date, "date", errors);
        if (by is not null && !breakdowns.Contains(by))
            errors.Add("by", "must be one of " + string.Join(", ", breakdowns));
        if (errors.Any) return UseCaseResult<WorkersOnDateResponse>.Invalid(errors);

        var valid = validOn(day!.Value);
        var total = await valid.CountAsync(ct);
        List<CountItem> items = by is null
            ? []
            : await valid.GroupBy(keyOf(by)).Select(g => new CountItem(g.Key, g.Count())).ToListAsync(ct);
        return UseCaseResult<WorkersOnDateResponse>.Ok(new(day.Value, by, total,
            items.OrderByDescending(i => i.Count).ThenBy(i => i.Key, StringComparer.Ordinal).ToList()));
    }

    public async Task<UseCaseResult<EmployersUsingForeignLabourResponse>> EmployersUsingForeignLabourAsync(
        Actor actor, string? date, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var day = ParseDate(date, "date", errors);
        if (errors.Any) return UseCaseResult<EmployersUsingForeignLabourResponse>.Invalid(errors);
        var total = await ValidPermits(actor, day!.Value).Select(p => p.EmployerBin).Distinct().CountAsync(ct);
        return UseCaseResult<EmployersUsingForeignLabourResponse>.Ok(new(day.Value, total));
    }

    public async Task<UseCaseResult<OffencesResponse>> OffencesAsync(
        Actor actor, string? from, string? to, string? by, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var first = ParseDate(from, "from", errors);
        var last = ParseDate(to, "to", errors);
        if (first is not null && last is not null && last < first) errors.Add("to", "must not be before 'from'");
        if (by is not null && !OffenceBreakdowns.Contains(by))
            errors.Add("by", "must be one of " + string.Join(", ", OffenceBreakdowns));
        if (errors.Any) return UseCaseResult<OffencesResponse>.Invalid(errors);

        var q = offences.Offences.Where(o => o.CommittedOn >= first!.Value && o.CommittedOn <= last!.Value);
        if (Roles.IsRegional(actor.Role)) q = q.Where(o => o.RegionCode == actor.RegionCode);
        if (by is null)
        {
            var count = await q.CountAsync(ct);
            var imposed = await q.SumAsync(o => o.FineKzt, ct);
            var collected = await q.SumAsync(o => o.CollectedKzt, ct);
            return UseCaseResult<OffencesResponse>.Ok(
                new(first!.Value, last!.Value, null, count, imposed, collected, []));
        }
        var grouped = by switch
        {
            "region" => q.GroupBy(o => o.RegionCode),
            "article" => q.GroupBy(o => o.Article),
            _ => q.GroupBy(o => o.OffenderType),
        };
        var rows = await grouped
            .Select(g => new OffenceItem(g.Key, g.Count(), g.Sum(o => o.FineKzt), g.Sum(o => o.CollectedKzt)))
            .ToListAsync(ct);
        return UseCaseResult<OffencesResponse>.Ok(new(first!.Value, last!.Value, by, rows.Sum(r => r.Count),
            rows.Sum(r => r.FinesImposedKzt), rows.Sum(r => r.FinesCollectedKzt),
            rows.OrderByDescending(r => r.Count).ThenBy(r => r.Key, StringComparer.Ordinal).ToList()));
    }

    IQueryable<IssuedPermit> ValidPermits(Actor actor, DateOnly day)
    {
        var q = permits.Permits.Where(IssuedPermit.ValidOn(day));
        return Roles.IsRegional(actor.Role) ? q.Where(p => p.RegionCode == actor.RegionCode) : q;
    }

    IQueryable<IssuedHouseholdPermit> ValidHouseholdPermits(Actor actor, DateOnly day)
    {
        var q = permits.HouseholdPermits.Where(IssuedHouseholdPermit.ValidOn(day));
        return Roles.IsRegional(actor.Role) ? q.Where(p => p.RegionCode == actor.RegionCode) : q;
    }

    static DateOnly? ParseDate(string? value, string field, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, "is required (a date YYYY-MM-DD)");
            return null;
        }
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return day;
        errors.Add(field, $"'{value}' is not a date of the form YYYY-MM-DD");
        return null;
    }
}
