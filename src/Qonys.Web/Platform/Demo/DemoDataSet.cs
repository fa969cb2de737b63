using Microsoft.EntityFrameworkCore;
using Qonys.Web.Modules.Permits.Domain;
using Qonys.Web.Modules.Registry.Domain;

namespace Qonys.Web.Platform.Demo;

/// <summary>
/// Loads the synthetic demo data set (<see cref="DemoGenerator"/>) on first start in demo mode (an empty employer table),
/// or N copies of it for benchmarks, with bulk inserts: prepared commands in one transaction on SQLite, binary COPY on
/// PostgreSQL. One audit entry records what was loaded.
/// </summary>
public sealed class DemoDataSet(AppDb db, AuditLog audit, TimeProvider clock, ILogger<DemoDataSet> log)
{
    public async Task EnsureLoadedAsync(CancellationToken ct)
    {
        if (await db.Set<Employer>().AnyAsync(ct)) return;
        var started = clock.GetTimestamp();
        var counts = await LoadAsync(1, ct);
        log.LogInformation("Demo data set loaded: {Rows} rows in {Seconds:F1} s", counts.Rows, clock.GetElapsedTime(started).TotalSeconds);
    }

    /// <summary>Loads <paramref name="scale"/> copies of the set (fresh BINs and numbers per copy) into an empty registry; returns the rows written.</summary>
    public async Task<long> LoadScaledAsync(int scale, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(scale, 1);
        if (await db.Set<Employer>().AnyAsync(ct))
            throw new InvalidOperationException("The database already holds employers: seed-demo loads into an empty database.");
        return (await LoadAsync(scale, ct)).Rows;
    }

    async Task<DemoCounts> LoadAsync(int copies, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var writer = DemoBulkWriters.For(db.Database.GetDbConnection());
        var counts = DemoCounts.Zero;
        var ledger = new Dictionary<(int, string, string), QuotaLedger>();
        TimeSpan generating = TimeSpan.Zero, writing = TimeSpan.Zero;
        for (var copy = 0; copy < copies; copy++)
        {
            var started = clock.GetTimestamp();
            var records = DemoGenerator.Generate(new DemoOptions { Seed = DemoGenerator.DefaultSeed + copy, Copy = copy, StatusAsOf = today });
            generating += clock.GetElapsedTime(started);
            started = clock.GetTimestamp();
            await DemoBulkWriters.WriteAsync(writer, records, ct);
            writing += clock.GetElapsedTime(started);
            counts += records.Counts with { QuotaRows = 0 };
            foreach (var q in records.Quotas)
            {
                if (!ledger.TryGetValue((q.Year, q.RegionCode, q.Category), out var sum))
                    ledger[(q.Year, q.RegionCode, q.Category)] = sum = new QuotaLedger { Year = q.Year, RegionCode = q.RegionCode, Category = q.Category };
                sum.Cap += q.Cap;
                sum.Used += q.Used;
                sum.Reserved += q.Reserved;
            }
        }
        var existing = await db.Set<QuotaLedger>().AsNoTracking().Select(q => new { q.Year, q.RegionCode, q.Category }).ToListAsync(ct);
        foreach (var k in existing) ledger.Remove((k.Year, k.RegionCode, k.Category));
        await writer.WriteAsync(DemoTables.Quotas, ledger.Values, ct);
        counts = counts with { QuotaRows = ledger.Count };
        audit.Record(Actor.System, PlatformAuditEvents.DemoDataLoaded, null, null, new
        {
            copies, seed = DemoGenerator.DefaultSeed, counts.Employers, counts.Applications, counts.Workers, counts.CaseActions,
            counts.Permits, counts.QuotaRows, counts.Offences, counts.HouseholdPermits, counts.Rows,
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        log.LogInformation("Demo data: {Copies} cop(ies) generated in {Generating:F1} s, written in {Writing:F1} s",
            copies, generating.TotalSeconds, writing.TotalSeconds);
        return counts;
    }
}
