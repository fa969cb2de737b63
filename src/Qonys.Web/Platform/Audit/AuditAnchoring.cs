using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Qonys.Web.Platform.Audit;

/// <summary>
/// Anchors the hash chains (docs/security.md "Audit anchoring"): <see cref="PublishAsync"/> signs a checkpoint of every
/// chain's head with an ECDSA P-256 key kept in a file outside the database, stores it in the database and appends it
/// to a checkpoint file beside the key (and to the log), and <see cref="VerifyAsync"/> checks that every stored
/// checkpoint is signed by that key, that none is missing, and that every chain still holds, unchanged, the head the
/// newest checkpoint names. So a deleted tail and a rewritten chain (hashes recomputed) are caught, which the
/// chains alone cannot show. Published after every intact verification (so also by <see cref="AuditAnchoringJob"/>
/// at an interval) and by the "anchor-audit" command.
/// </summary>
internal sealed class AuditAnchoring(AppDb db, TimeProvider clock, IOptions<QonysOptions> options, IConfiguration configuration, ILogger<AuditAnchoring> log)
{
    const string Format = "qonys-audit-checkpoint/1";

    string Folder => options.Value.Database.DataFolder is { Length: > 0 } folder ? folder : ".";
    /// <summary>"Qonys:Audit:AnchorKeyFile", else audit-anchor-key.pem in the data folder; the checkpoint file sits beside it.</summary>
    string KeyFile => configuration["Qonys:Audit:AnchorKeyFile"] is { Length: > 0 } file ? file : Path.Combine(Folder, "audit-anchor-key.pem");
    string CheckpointFile => Path.Combine(Path.GetDirectoryName(Path.GetFullPath(KeyFile))!, "audit-checkpoints.jsonl");

    sealed record Published(long Number, DateTime At, string Heads, string KeyId, string Signature);

    /// <summary>Signs and stores a checkpoint of every chain's current head.</summary>
    public async Task<AuditCheckpoint> PublishAsync(CancellationToken ct = default)
    {
        using var key = LoadOrCreateKey();
        var heads = await HeadsAsync(ct);
        var checkpoint = new AuditCheckpoint { Heads = heads, KeyId = KeyIdOf(key) };
        for (var attempt = 0; ; attempt++)
        {
            var last = Math.Max(await db.Set<AuditCheckpoint>().MaxAsync(c => (long?)c.Number, ct) ?? 0, ReadFile().LastOrDefault()?.Number ?? 0);
            checkpoint.Number = last + 1;
            checkpoint.At = AuditChain.Truncate(clock.GetUtcNow().UtcDateTime);
            checkpoint.Signature = Convert.ToBase64String(key.SignData(Canonical(checkpoint), HashAlgorithmName.SHA256));
            db.Add(checkpoint);
            if (await db.TrySaveChangesAsync(ct)) break; // else another node took the number: take the next
            if (attempt == 3) throw new InvalidOperationException("Could not number an audit checkpoint after 4 attempts.");
        }
        db.Entry(checkpoint).State = EntityState.Detached;
        await File.AppendAllTextAsync(CheckpointFile, JsonSerializer.Serialize(
            new Published(checkpoint.Number, checkpoint.At, checkpoint.Heads, checkpoint.KeyId, checkpoint.Signature)) + "\n", ct);
        log.LogInformation("Audit checkpoint {Number} signed by key {KeyId}: {Signature}", checkpoint.Number, checkpoint.KeyId, checkpoint.Signature);
        return checkpoint;
    }

    /// <summary>True when some chain's head is not the one the newest checkpoint names (or nothing is anchored yet).</summary>
    public async Task<bool> HeadsMovedAsync(CancellationToken ct = default)
    {
        var newest = await db.Set<AuditCheckpoint>().AsNoTracking().OrderByDescending(c => c.Number).Select(c => c.Heads).FirstOrDefaultAsync(ct);
        return newest != await HeadsAsync(ct);
    }

    /// <summary>Null when the checkpoints and the chains' heads agree; else the first disagreement.</summary>
    public async Task<AuditVerification?> VerifyAsync(long entriesChecked, int chainsChecked, CancellationToken ct = default)
    {
        AuditVerification Broken(string reason, int? shard = null, long? seq = null) => new(false, entriesChecked, chainsChecked, shard, seq, reason);
        var stored = await db.Set<AuditCheckpoint>().AsNoTracking().OrderBy(c => c.Number).ToListAsync(ct);
        var published = ReadFile();
        if (stored.Count == 0 && published.Count == 0) return null; // never anchored yet
        using var key = LoadOrCreateKey();
        for (var i = 0; i < stored.Count; i++)
        {
            var c = stored[i];
            if (c.Number != i + 1) return Broken($"checkpoint {i + 1} is missing from the database");
            if (c.KeyId != KeyIdOf(key) || !key.VerifyData(Canonical(c), Convert.FromBase64String(c.Signature), HashAlgorithmName.SHA256))
                return Broken($"checkpoint {c.Number} is not signed by the anchoring key (it was altered or forged)");
        }
        var newestStored = stored.LastOrDefault();
        if (published.LastOrDefault() is { } outside)
        {
            if (newestStored is null || outside.Number > newestStored.Number)
                return Broken($"checkpoint {outside.Number} of the checkpoint file is missing from the database (checkpoints were deleted)");
            var same = stored.First(c => c.Number == outside.Number);
            if (same.Heads != outside.Heads || same.Signature != outside.Signature)
                return Broken($"checkpoint {outside.Number} differs from the checkpoint file");
        }
        var newest = newestStored!;
        foreach (var head in newest.Heads.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = head.Split(':');
            var (shard, seq, hash) = (int.Parse(parts[0], CultureInfo.InvariantCulture), long.Parse(parts[1], CultureInfo.InvariantCulture), parts[2]);
            var entry = await db.Set<AuditEntry>().AsNoTracking().Where(e => e.Shard == shard && e.Seq == seq).Select(e => e.Hash).FirstOrDefaultAsync(ct);
            if (entry is null)
                return Broken($"chain {shard} ends before entry {seq}, which checkpoint {newest.Number} names (its tail was deleted)", shard, seq);
            if (entry != hash)
                return Broken($"entry {seq} of chain {shard} is not the one checkpoint {newest.Number} names (the chain was rewritten)", shard, seq);
        }
        return null;
    }

    async Task<string> HeadsAsync(CancellationToken ct)
    {
        var heads = await db.Set<AuditEntry>().AsNoTracking().GroupBy(e => e.Shard)
            .Select(g => new { Shard = g.Key, Seq = g.Max(e => e.Seq) }).OrderBy(h => h.Shard).ToListAsync(ct);
        var parts = new List<string>();
        foreach (var h in heads)
        {
            var hash = await db.Set<AuditEntry>().AsNoTracking().Where(e => e.Shard == h.Shard && e.Seq == h.Seq).Select(e => e.Hash).FirstAsync(ct);
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{h.Shard}:{h.Seq}:{hash}"));
        }
        return string.Join(';', parts);
    }

    static byte[] Canonical(AuditCheckpoint c) => Encoding.UTF8.GetBytes(string.Join('\n', Format,
        c.Number.ToString(CultureInfo.InvariantCulture), c.At.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture), c.Heads));

    static string KeyIdOf(ECDsa key) => Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo()))[..16];

    List<Published> ReadFile() => File.Exists(CheckpointFile)
        ? File.ReadAllLines(CheckpointFile).Where(l => l.Length > 0).Select(l => JsonSerializer.Deserialize<Published>(l)!).ToList()
        : [];

    /// <summary>The key file, created (readable by this user only) on first use when none is configured or present.</summary>
    ECDsa LoadOrCreateKey()
    {
        var key = ECDsa.Create();
        if (File.Exists(KeyFile))
        {
            key.ImportFromPem(File.ReadAllText(KeyFile));
            return key;
        }
        key.GenerateKey(ECCurve.NamedCurves.nistP256);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(KeyFile))!);
        File.WriteAllText(KeyFile, key.ExportPkcs8PrivateKeyPem());
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(KeyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        log.LogWarning("Created the audit anchoring key {KeyId}; keep it (and a copy of the checkpoint file) away from the database", KeyIdOf(key));
        return key;
    }
}
