using Microsoft.EntityFrameworkCore;
using Qonys.Web.Platform.Data;

namespace Qonys.Web.Platform.Reference;

/// <summary>Read access to reference data and rule values for use cases (scoped: one query per need).</summary>
public sealed class ReferenceData(AppDb db)
{
    public Task<List<Region>> RegionsAsync(CancellationToken ct = default) =>
        db.Set<Region>().AsNoTracking().OrderBy(r => r.Code).ToListAsync(ct);

    public Task<bool> RegionExistsAsync(string code, CancellationToken ct = default) =>
        db.Set<Region>().AnyAsync(r => r.Code == code, ct);

    public Task<bool> OkedSectionExistsAsync(string code, CancellationToken ct = default) =>
        db.Set<OkedSection>().AnyAsync(o => o.Code == code, ct);

    public Task<Country?> CountryAsync(string alpha2, CancellationToken ct = default) =>
        db.Set<Country>().AsNoTracking().FirstOrDefaultAsync(c => c.Alpha2 == alpha2, ct);

    public Task<Occupation?> OccupationAsync(string code, CancellationToken ct = default) =>
        db.Set<Occupation>().AsNoTracking().FirstOrDefaultAsync(o => o.Code == code, ct);

    /// <summary>The value of <paramref name="key"/> in force on <paramref name="on"/>, or null.</summary>
    public Task<RuleValue?> RuleAsync(string key, DateOnly on, CancellationToken ct = default) =>
        db.Set<RuleValue>().AsNoTracking()
            .Where(r => r.Key == key && r.EffectiveFrom <= on && (r.EffectiveTo == null || r.EffectiveTo >= on))
            .OrderByDescending(r => r.EffectiveFrom).FirstOrDefaultAsync(ct);

    /// <summary>Like <see cref="RuleAsync"/>, but a missing rule value is a configuration error.</summary>
    public async Task<RuleValue> RequireRuleAsync(string key, DateOnly on, CancellationToken ct = default) =>
        await RuleAsync(key, on, ct)
        ?? throw new InvalidOperationException($"rule value '{key}' has no value in force on {on:yyyy-MM-dd}");

    public async Task<WorkingCalendar> CalendarAsync(CancellationToken ct = default)
    {
        var days = await db.Set<CalendarDay>().AsNoTracking().Select(d => new { d.Date, d.Kind }).ToListAsync(ct);
        return new WorkingCalendar(days.Select(d => (d.Date, d.Kind)));
    }
}
