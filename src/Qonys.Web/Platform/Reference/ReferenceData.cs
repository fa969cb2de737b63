using Microsoft.EntityFrameworkCore;

namespace Qonys.Web.Platform.Reference;

/// <summary>
/// Reference data and rule values as the use cases read them: from an in-process snapshot of the (small) reference
/// tables, refreshed every <see cref="ReferenceCache.Lifetime"/> and at once on this node when an administrator
/// records a rule value. A decision therefore costs no reference queries; another node sees an edit within the
/// lifetime (docs/operations.md).
/// </summary>
internal sealed class ReferenceData(ReferenceCache cache)
{
    /// <summary>The whole snapshot, for checks that look many values up without awaiting each (validators, the import).</summary>
    public Task<ReferenceSnapshot> SnapshotAsync(CancellationToken ct = default) => cache.SnapshotAsync(ct);

    public async Task<List<Region>> RegionsAsync(CancellationToken ct = default) =>
        (await cache.SnapshotAsync(ct)).Regions.Values.OrderBy(r => r.Code, StringComparer.Ordinal).ToList();

    public async Task<bool> RegionExistsAsync(string code, CancellationToken ct = default) =>
        (await cache.SnapshotAsync(ct)).Regions.ContainsKey(code);

    public async Task<bool> OkedSectionExistsAsync(string code, CancellationToken ct = default) =>
        (await cache.SnapshotAsync(ct)).OkedSections.ContainsKey(code);

    public async Task<IReadOnlyCollection<OkedSection>> OkedSectionsAsync(CancellationToken ct = default) =>
        (await cache.SnapshotAsync(ct)).OkedSections.Values.ToList();

    public async Task<IReadOnlyCollection<Country>> CountriesAsync(CancellationToken ct = default) =>
        (await cache.SnapshotAsync(ct)).Countries.Values.ToList();

    public async Task<Country?> CountryAsync(string alpha2, CancellationToken ct = default) =>
        (await cache.SnapshotAsync(ct)).Countries.GetValueOrDefault(alpha2);

    public async Task<Occupation?> OccupationAsync(string code, CancellationToken ct = default) =>
        (await cache.SnapshotAsync(ct)).Occupations.GetValueOrDefault(code);

    /// <summary>The value of <paramref name="key"/> in force on <paramref name="on"/>, or null.</summary>
    public async Task<RuleValue?> RuleAsync(string key, DateOnly on, CancellationToken ct = default) =>
        ValueOn((await cache.SnapshotAsync(ct)).Rules.GetValueOrDefault(key), on);

    /// <summary>The value of a rule's history in force on a day: the latest period that covers it, or null.</summary>
    public static RuleValue? ValueOn(IEnumerable<RuleValue>? history, DateOnly on) =>
        history?.Where(r => r.EffectiveFrom <= on && (r.EffectiveTo == null || r.EffectiveTo >= on)).MaxBy(r => r.EffectiveFrom);

    /// <summary>The MCI in force on a day for a purpose (a missing value is a configuration error).</summary>
    public async Task<RuleValue> MciAsync(DateOnly on, MciPurpose purpose, CancellationToken ct = default) =>
        MciOn((await cache.SnapshotAsync(ct)).Rules, on, purpose)
        ?? throw new InvalidOperationException($"rule value '{RuleKeys.Mci}' has no value in force on {on:yyyy-MM-dd}");

    /// <summary>
    /// The MCI on a day for a purpose: fines, taxes and fees use <see cref="RuleKeys.Mci"/>; benefits and social payments
    /// use <see cref="RuleKeys.MciBenefits"/> in the periods that key covers (from 1 April 2020 and 1 April 2022), and
    /// <see cref="RuleKeys.Mci"/> otherwise.
    /// </summary>
    public static RuleValue? MciOn(IReadOnlyDictionary<string, List<RuleValue>> rules, DateOnly on, MciPurpose purpose) =>
        (purpose == MciPurpose.BenefitsAndSocialPayments ? ValueOn(rules.GetValueOrDefault(RuleKeys.MciBenefits), on) : null)
        ?? ValueOn(rules.GetValueOrDefault(RuleKeys.Mci), on);

    /// <summary>Like <see cref="RuleAsync"/>, but a missing rule value is a configuration error.</summary>
    public async Task<RuleValue> RequireRuleAsync(string key, DateOnly on, CancellationToken ct = default) =>
        await RuleAsync(key, on, ct)
        ?? throw new InvalidOperationException($"rule value '{key}' has no value in force on {on:yyyy-MM-dd}");

    public async Task<WorkingCalendar> CalendarAsync(CancellationToken ct = default) => (await cache.SnapshotAsync(ct)).Calendar;

    /// <summary>The latest average wage of an occupation major group in a region, or null.</summary>
    public async Task<RegionalWage?> LatestWageAsync(string regionCode, string majorGroup, CancellationToken ct = default) =>
        (await cache.SnapshotAsync(ct)).Wages.GetValueOrDefault((regionCode, majorGroup));

    /// <summary>The fee rate of a category, OKED section and term in force on a day (see <see cref="FeeTable"/>), or null.</summary>
    public async Task<FeeRateQuote?> FeeRateAsync(string category, string okedSection, int months, DateOnly on, CancellationToken ct = default) =>
        (await cache.SnapshotAsync(ct)).Fees.Find(category, okedSection, months, on);
}

/// <summary>What an MCI amount is for: the budget laws of 2020 and 2022 set a different MCI for benefits from 1 April.</summary>
internal enum MciPurpose
{
    /// <summary>Fines, taxes, fees and state charges.</summary>
    FinesTaxesAndFees,
    /// <summary>Benefits and social payments (resettlement support among them).</summary>
    BenefitsAndSocialPayments,
}

/// <summary>One consistent copy of the reference tables.</summary>
internal sealed record ReferenceSnapshot(
    IReadOnlyDictionary<string, Region> Regions, IReadOnlyDictionary<string, Country> Countries, IReadOnlyDictionary<string, OkedSection> OkedSections,
    IReadOnlyDictionary<string, Occupation> Occupations, IReadOnlyDictionary<string, List<RuleValue>> Rules, WorkingCalendar Calendar,
    IReadOnlyDictionary<(string Region, string MajorGroup), RegionalWage> Wages,
    FeeTable Fees);

/// <summary>Holds the reference snapshot of this process (a singleton), loading it on first use and after it ages.</summary>
internal sealed class ReferenceCache(IServiceScopeFactory scopes, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);
    readonly SemaphoreSlim _gate = new(1, 1);
    (ReferenceSnapshot Snapshot, DateTimeOffset LoadedAt)? _current;

    public async Task<ReferenceSnapshot> SnapshotAsync(CancellationToken ct)
    {
        var current = _current;
        if (current is { } c && clock.GetUtcNow() - c.LoadedAt < Lifetime) return c.Snapshot;
        await _gate.WaitAsync(ct);
        try
        {
            current = _current;
            if (current is { } fresh && clock.GetUtcNow() - fresh.LoadedAt < Lifetime) return fresh.Snapshot;
            var loaded = await LoadAsync(ct);
            _current = (loaded, clock.GetUtcNow());
            return loaded;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Drops the snapshot: the next read loads the tables again (after an edit on this node, or seeding).</summary>
    public void Invalidate() => _current = null;

    async Task<ReferenceSnapshot> LoadAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var regions = await db.Set<Region>().AsNoTracking().ToDictionaryAsync(r => r.Code, StringComparer.Ordinal, ct);
        var countries = await db.Set<Country>().AsNoTracking().ToDictionaryAsync(c => c.Alpha2, StringComparer.Ordinal, ct);
        var oked = await db.Set<OkedSection>().AsNoTracking().ToDictionaryAsync(o => o.Code, StringComparer.Ordinal, ct);
        var occupations = await db.Set<Occupation>().AsNoTracking().ToDictionaryAsync(o => o.Code, StringComparer.Ordinal, ct);
        var rules = (await db.Set<RuleValue>().AsNoTracking().ToListAsync(ct))
            .GroupBy(r => r.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var days = await db.Set<CalendarDay>().AsNoTracking().Select(d => new { d.Date, d.Kind }).ToListAsync(ct);
        var wages = (await db.Set<RegionalWage>().AsNoTracking().ToListAsync(ct))
            .GroupBy(w => (w.RegionCode, w.MajorGroup)).ToDictionary(g => g.Key, g => g.MaxBy(w => w.Year)!);
        var fees = new FeeTable(await db.Set<PermitFeeRate>().AsNoTracking().ToListAsync(ct),
            await db.Set<FeeSectorGroup>().AsNoTracking().ToListAsync(ct));
        return new ReferenceSnapshot(regions, countries, oked, occupations, rules, new WorkingCalendar(days.Select(d => (d.Date, d.Kind))),
            wages, fees);
    }
}
