using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Qonys.Web.Platform.Data;

namespace Qonys.Web.Platform.Audit;

/// <summary>
/// The hash chain: entry n carries SHA-256(fields of n ‖ hash of n−1). Appends are serialised — on PostgreSQL by a
/// transaction-scoped advisory lock taken after the business rows are written (so it is always the last lock a
/// transaction takes and cannot deadlock), on SQLite by its single writer — so the chain never forks, with any
/// number of app nodes.
/// </summary>
public static class AuditChain
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";
    const long AdvisoryLockKey = 0x51_6F_6E_79_73_41; // "QonysA"

    public static bool HasPendingEntries(AppDb db) =>
        db.ChangeTracker.Entries<AuditEntry>().Any(e => e.State == EntityState.Added);

    /// <summary>Timestamps are hashed at microsecond precision: what PostgreSQL stores.</summary>
    public static DateTime Truncate(DateTime utc) => new(utc.Ticks - utc.Ticks % 10, DateTimeKind.Utc);

    internal static async Task<int> SaveSealedAsync(AppDb db, Func<CancellationToken, Task<int>> save, CancellationToken ct)
    {
        var pending = db.ChangeTracker.Entries<AuditEntry>()
            .Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        foreach (var entry in pending) db.Entry(entry).State = EntityState.Detached;

        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            var written = await save(ct); // business rows first: their locks come before the chain lock
            if (db.IsPostgres)
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", ct);
            var last = await db.Set<AuditEntry>().AsNoTracking().OrderByDescending(e => e.Seq)
                .Select(e => new { e.Seq, e.Hash }).FirstOrDefaultAsync(ct);
            var seq = last?.Seq ?? 0;
            var prev = last?.Hash ?? Genesis;
            foreach (var entry in pending)
            {
                entry.Seq = ++seq;
                entry.PrevHash = prev;
                entry.Hash = prev = HashOf(entry);
                db.Add(entry);
            }
            written += await save(ct);
            if (own is not null) await own.CommitAsync(ct);
            return written;
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }
    }

    public static string HashOf(AuditEntry e)
    {
        var canonical = string.Join('\u001f',
            e.Seq.ToString(CultureInfo.InvariantCulture),
            e.At.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture),
            e.ActorId?.ToString() ?? "",
            e.ActorRole, e.Type, e.Kind, e.EntityType ?? "", e.EntityId ?? "", e.Data, e.PrevHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>Walks the chain in order and reports the first entry that no longer matches.</summary>
    public static async Task<AuditVerification> VerifyAsync(AppDb db, CancellationToken ct = default)
    {
        const int batch = 5000;
        var prev = Genesis;
        long expectedSeq = 1, checkedCount = 0;
        while (true)
        {
            var from = expectedSeq;
            var rows = await db.Set<AuditEntry>().AsNoTracking().Where(e => e.Seq >= from)
                .OrderBy(e => e.Seq).Take(batch).ToListAsync(ct);
            if (rows.Count == 0) return new AuditVerification(true, checkedCount, null, null);
            foreach (var e in rows)
            {
                if (e.Seq != expectedSeq)
                    return Broken(checkedCount, expectedSeq, $"entry {expectedSeq} is missing (next present is {e.Seq})");
                if (e.PrevHash != prev)
                    return Broken(checkedCount, e.Seq, "its link to the previous entry does not match (entries removed, reordered or altered)");
                if (HashOf(e) != e.Hash)
                    return Broken(checkedCount, e.Seq, "its content no longer matches its hash (the entry was altered)");
                prev = e.Hash;
                expectedSeq++;
                checkedCount++;
            }
        }
    }

    static AuditVerification Broken(long checkedCount, long seq, string reason) => new(false, checkedCount, seq, reason);
}

public sealed record AuditVerification(bool Intact, long EntriesChecked, long? FirstBrokenSeq, string? Reason);
