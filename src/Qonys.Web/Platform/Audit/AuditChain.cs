using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Qonys.Web.Platform.Audit;

/// <summary>
/// The hash chains: the log is split into <see cref="Shards"/> chains by the entry's subject (entity, else actor), and
/// entry (shard, n) carries SHA-256(fields of n ‖ hash of (shard, n−1)). One subject's entries always fall in one chain,
/// so its history is in order; unrelated writers append to different chains and do not wait for each other. Appends to
/// a chain are serialised — on PostgreSQL by a transaction-scoped advisory lock per chain, taken after the business rows
/// are written and in ascending chain order (so chain locks are always a transaction's last locks and cannot deadlock),
/// on SQLite by its single writer — so no chain ever forks, with any number of app nodes.
/// </summary>
internal static class AuditChain
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>How many chains new entries are spread over. Changing it later is safe: verification walks every chain present.</summary>
    public const int Shards = 64;

    const int AdvisoryLockClass = 0x516F6E79; // "Qony": the first key of pg_advisory_xact_lock(int, int); the chain is the second

    /// <summary>Timestamps are hashed at microsecond precision: what PostgreSQL stores.</summary>
    public static DateTime Truncate(DateTime utc) => new(utc.Ticks - utc.Ticks % 10, DateTimeKind.Utc);

    /// <summary>The chain of an entry: a stable hash (FNV-1a) of its subject, the same on every node and every run.</summary>
    public static int ShardOf(AuditEntry e)
    {
        var subject = e.EntityId is not null ? e.EntityType + ":" + e.EntityId : "actor:" + e.ActorId;
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(subject)) hash = (hash ^ b) * 16777619u;
        return (int)(hash % Shards);
    }

    /// <summary>
    /// Saves the unit of work with <paramref name="pending"/> (its new, unsealed entries) linked into their chains, in
    /// its transaction or one of its own: the other rows first, then the entries. The number of rows written.
    /// </summary>
    internal static async Task<int> SaveSealedAsync(AppDb db, IReadOnlyList<AuditEntry> pending, CancellationToken ct)
    {
        foreach (var entry in pending) db.Entry(entry).State = EntityState.Detached;

        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            var written = await db.SaveChangesAsync(ct); // business rows first: their locks come before the chain locks
            foreach (var chain in pending.GroupBy(ShardOf).OrderBy(g => g.Key))
            {
                var (seq, prev) = await LockHeadAsync(db, chain.Key, ct);
                foreach (var entry in chain)
                {
                    entry.Shard = chain.Key;
                    entry.Seq = ++seq;
                    entry.PrevHash = prev;
                    entry.Hash = prev = HashOf(entry);
                    db.Add(entry);
                }
            }
            written += await db.SaveChangesAsync(ct);
            if (own is not null) await own.CommitAsync(ct);
            return written;
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }
    }

    /// <summary>Takes the chain's lock (PostgreSQL) and reads its last entry, in one round trip. The read is a
    /// separate statement after the lock, so its snapshot sees the previous holder's committed entries.</summary>
    static async Task<(long Seq, string Hash)> LockHeadAsync(AppDb db, int shard, CancellationToken ct)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        command.CommandText = (db.IsPostgres ? $"SELECT pg_advisory_xact_lock({AdvisoryLockClass}, @shard);\n" : "") +
                              "SELECT seq, hash FROM platform_audit_entries WHERE shard = @shard ORDER BY seq DESC LIMIT 1";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "shard";
        parameter.Value = shard;
        command.Parameters.Add(parameter);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (db.IsPostgres) await reader.NextResultAsync(ct);
        return await reader.ReadAsync(ct) ? (reader.GetInt64(0), reader.GetString(1)) : (0, Genesis);
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

    /// <summary>
    /// Walks every chain in order and reports the first entry (by chain, then position) that no longer matches; then,
    /// given <paramref name="anchoring"/>, checks the chains' heads against the signed checkpoints (a deleted tail, a
    /// rewritten chain) and, all being intact, publishes a new checkpoint.
    /// </summary>
    public static async Task<AuditVerification> VerifyAsync(AppDb db, CancellationToken ct = default, AuditAnchoring? anchoring = null)
    {
        const int batch = 5000;
        var prev = Genesis;
        int shard = -1, chains = 0;
        long seq = 0, checkedCount = 0;
        while (true)
        {
            var (afterShard, afterSeq) = (shard, seq);
            var rows = await db.Set<AuditEntry>().AsNoTracking()
                .Where(e => e.Shard > afterShard || (e.Shard == afterShard && e.Seq > afterSeq))
                .OrderBy(e => e.Shard).ThenBy(e => e.Seq).Take(batch).ToListAsync(ct);
            if (rows.Count == 0)
            {
                if (anchoring is null) return new AuditVerification(true, checkedCount, chains, null, null, null);
                if (await anchoring.VerifyAsync(checkedCount, chains, ct) is { } unanchored) return unanchored;
                await anchoring.PublishAsync(ct);
                return new AuditVerification(true, checkedCount, chains, null, null, null);
            }
            foreach (var e in rows)
            {
                if (e.Shard != shard)
                {
                    (shard, seq, prev) = (e.Shard, 0, Genesis);
                    chains++;
                }
                if (e.Seq != seq + 1)
                    return Broken(checkedCount, chains, shard, seq + 1, $"entry {seq + 1} of chain {shard} is missing (next present is {e.Seq})");
                if (e.PrevHash != prev)
                    return Broken(checkedCount, chains, shard, e.Seq, "its link to the previous entry does not match (entries removed, reordered or altered)");
                if (HashOf(e) != e.Hash)
                    return Broken(checkedCount, chains, shard, e.Seq, "its content no longer matches its hash (the entry was altered)");
                prev = e.Hash;
                seq = e.Seq;
                checkedCount++;
            }
        }
    }

    static AuditVerification Broken(long checkedCount, int chains, int shard, long seq, string reason) =>
        new(false, checkedCount, chains, shard, seq, reason);
}

/// <summary>The verifier's answer: intact, or the first broken entry as (chain, position) and why.</summary>
internal sealed record AuditVerification(bool Intact, long EntriesChecked, int ChainsChecked, int? FirstBrokenShard, long? FirstBrokenSeq, string? Reason);
