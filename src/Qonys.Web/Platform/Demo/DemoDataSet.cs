using Microsoft.EntityFrameworkCore;

namespace Qonys.Web.Platform.Demo;

/// <summary>
/// Loads the synthetic demo data set, built by the modules' <see cref="IDemoDataContributor"/>s: on a demo start the
/// contributors whose data the database lacks (all of them on a first start), or N copies of those that scale for benchmarks.
/// One transaction, bulk inserts (<see cref="DemoBulkWriter"/>), one audit entry with what was written.
/// </summary>
internal sealed class DemoDataSet(
    AppDb db, AuditLog audit, TimeProvider clock, IEnumerable<IDemoDataContributor> contributors, ILogger<DemoDataSet> log)
{
    public async Task EnsureLoadedAsync(CancellationToken ct)
    {
        var missing = new List<IDemoDataContributor>();
        foreach (var contributor in contributors)
            if (!await contributor.IsLoadedAsync(db, ct)) missing.Add(contributor);
        if (missing.Count == 0) return;
        var started = clock.GetTimestamp();
        var counts = await LoadAsync(missing, 1, ct);
        log.LogInformation("Demo data set loaded: {Rows} rows in {Seconds:F1} s", counts.Rows, clock.GetElapsedTime(started).TotalSeconds);
    }

    /// <summary>
    /// Loads <paramref name="scale"/> copies of the set (fresh BINs and numbers per copy) into an empty database; returns the
    /// rows written. Contributors that do not scale (the candidate pool) are left out.
    /// </summary>
    public async Task<long> LoadScaledAsync(int scale, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(scale, 1);
        var scaling = contributors.Where(c => c.Scales).ToList();
        foreach (var contributor in scaling)
            if (await contributor.IsLoadedAsync(db, ct))
                throw new InvalidOperationException(
                    $"The database already holds the demo data of {contributor.Name}: seed-demo loads into an empty database.");
        return (await LoadAsync(scaling, scale, ct)).Rows;
    }

    async Task<DemoCounts> LoadAsync(IReadOnlyList<IDemoDataContributor> chosen, int copies, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var writer = DemoBulkWriter.For(db);
        var load = new DemoLoad(writer, today, db);
        var started = clock.GetTimestamp();
        for (var copy = 0; copy < copies; copy++)
            await load.RunCopyAsync(chosen, DemoLoad.DefaultSeed + copy, copy, copy == copies - 1, ct);
        var elapsed = clock.GetElapsedTime(started);
        if (load.Counts.Rows > 0)
        {
            var data = new Dictionary<string, object> { ["copies"] = copies, ["seed"] = DemoLoad.DefaultSeed };
            foreach (var (name, rows) in load.Counts.ByName) data[name] = rows;
            data["rows"] = load.Counts.Rows;
            audit.Record(Actor.System, PlatformAuditEvents.DemoDataLoaded, null, null, data);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        log.LogInformation("Demo data: {Copies} cop(ies) generated in {Generating:F1} s, written in {Writing:F1} s",
            copies, (elapsed - writer.Elapsed).TotalSeconds, writer.Elapsed.TotalSeconds);
        return load.Counts;
    }
}
