using Microsoft.EntityFrameworkCore;
using Qonys.Web.Platform.Audit;
using static Qonys.IntegrationTests.Platform.PlatformTestKit;

namespace Qonys.IntegrationTests.Security;

/// <summary>
/// Issue 11, point 12: deleting the last entry of a chain, and changing an entry with the rest of its chain
/// recomputed, went unnoticed by <c>POST /api/v1/audit/verify</c>. The signed checkpoints of the chains' heads
/// (published by every intact verification, key outside the database) now catch both, and the deletion or forgery of
/// checkpoints themselves.
/// </summary>
public sealed class AuditAnchoringTests
{
    static async Task<JsonElement> VerifyAsync(TestApp app)
    {
        using var auditor = await app.As(Demo.Auditor);
        var response = await auditor.PostAsync("/api/v1/audit/verify", null);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    static void ShouldBeBroken(JsonElement verification, string reason)
    {
        verification.GetProperty("intact").GetBoolean().ShouldBeFalse(verification.ToString());
        verification.GetProperty("reason").GetString()!.ShouldContain(reason, Case.Insensitive, verification.ToString());
    }

    /// <summary>Registers an employer whose chain is not one the sign-ins and verifications of this test append to.</summary>
    static async Task<AuditEntry> RegisterAsync(TestApp app)
    {
        using var admin = await app.As(Demo.Admin);
        using var auditor = await app.As(Demo.Auditor);
        var busy = (await app.WithDbAsync(db => db.Set<Qonys.Web.Platform.Auth.AppUser>()
                .Where(u => u.Email == Demo.Admin || u.Email == Demo.Auditor).Select(u => u.Id).ToListAsync()))
            .SelectMany(id => new[] { new AuditEntry { ActorId = id }, new AuditEntry { EntityType = "user", EntityId = id.ToString() } })
            .Select(AuditChain.ShardOf).ToHashSet();
        var bin = Demo.NewBin();
        while (busy.Contains(AuditChain.ShardOf(new AuditEntry { EntityType = "employer", EntityId = bin }))) bin = Demo.NewBin();
        (await admin.PostAsJsonAsync("/api/v1/employers", NewEmployer(bin))).StatusCode.ShouldBe(HttpStatusCode.Created);
        return await app.WithDbAsync(db => db.Set<AuditEntry>().AsNoTracking().SingleAsync(e => e.EntityId == bin));
    }

    /// <summary>The entries of a chain from its head as the newest checkpoint names it: the tail an attacker would cut.</summary>
    static Task<List<AuditEntry>> CheckpointedTailAsync(TestApp app, int shard) => app.WithDbAsync(async db =>
    {
        var heads = (await db.Set<AuditCheckpoint>().OrderByDescending(c => c.Number).FirstAsync()).Heads.Split(';');
        var seq = long.Parse(heads.Single(h => h.StartsWith(shard + ":", StringComparison.Ordinal)).Split(':')[1], System.Globalization.CultureInfo.InvariantCulture);
        return await db.Set<AuditEntry>().AsNoTracking().Where(e => e.Shard == shard && e.Seq >= seq).OrderBy(e => e.Seq).ToListAsync();
    });

    static Task<int> DeleteAsync(TestApp app, AuditEntry e) =>
        app.WithDbAsync(db => db.Database.ExecuteSqlAsync($"DELETE FROM platform_audit_entries WHERE shard = {e.Shard} AND seq = {e.Seq}"));

    static Task<int> RestoreAsync(TestApp app, AuditEntry e) => app.WithDbAsync(db =>
        db.Database.ExecuteSqlAsync($"""
            INSERT INTO platform_audit_entries (shard, seq, at, actor_id, actor_role, type, kind, entity_type, entity_id, data, prev_hash, hash)
            VALUES ({e.Shard}, {e.Seq}, {e.At}, {e.ActorId}, {e.ActorRole}, {e.Type}, {e.Kind}, {e.EntityType}, {e.EntityId}, {e.Data}, {e.PrevHash}, {e.Hash})
            """));

    [Theory, OnSqlite, OnPostgres]
    public async Task A_deleted_chain_tail_is_detected_also_when_the_checkpoints_are_deleted_too(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var registered = await RegisterAsync(app);
        (await VerifyAsync(app)).GetProperty("intact").GetBoolean().ShouldBeTrue(); // … and a checkpoint names its chain's head
        (await app.WithDbAsync(db => db.Set<AuditCheckpoint>().CountAsync())).ShouldBe(1);
        var tail = await CheckpointedTailAsync(app, registered.Shard);
        tail.ShouldNotBeEmpty();

        foreach (var e in tail) await DeleteAsync(app, e);
        ShouldBeBroken(await VerifyAsync(app), "tail was deleted");

        foreach (var e in tail) await RestoreAsync(app, e);
        (await VerifyAsync(app)).GetProperty("intact").GetBoolean().ShouldBeTrue();

        // An attacker who also deletes the checkpoints in the database is caught by the checkpoint file outside it.
        await app.SqlAsync("DELETE FROM platform_audit_checkpoints");
        foreach (var e in tail) await DeleteAsync(app, e);
        ShouldBeBroken(await VerifyAsync(app), "checkpoints were deleted");
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_rewritten_chain_with_recomputed_hashes_and_a_forged_checkpoint_are_detected(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var entry = await RegisterAsync(app);
        (await VerifyAsync(app)).GetProperty("intact").GetBoolean().ShouldBeTrue();

        // Rewrite the entry's data and recompute its hash and every later hash of its chain: the chain walk finds nothing.
        await app.WithDbAsync(async db =>
        {
            var chain = await db.Set<AuditEntry>().Where(e => e.Shard == entry.Shard && e.Seq >= entry.Seq).OrderBy(e => e.Seq).ToListAsync();
            chain[0].Data = "{\"name\":\"someone else\"}";
            var prev = chain[0].PrevHash;
            foreach (var e in chain)
            {
                e.PrevHash = prev;
                e.Hash = prev = AuditChain.HashOf(e);
            }
            return await db.SaveChangesAsync();
        });
        ShouldBeBroken(await VerifyAsync(app), "rewritten");

        // Re-signing is impossible without the key: a checkpoint edited to name the rewritten head fails its signature.
        var head = await app.WithDbAsync(db => db.Set<AuditEntry>().AsNoTracking().Where(e => e.Shard == entry.Shard).OrderByDescending(e => e.Seq).FirstAsync());
        await app.WithDbAsync(async db =>
        {
            var checkpoint = await db.Set<AuditCheckpoint>().OrderByDescending(c => c.Number).FirstAsync();
            checkpoint.Heads = string.Join(';', checkpoint.Heads.Split(';').Select(h =>
                h.StartsWith(entry.Shard + ":", StringComparison.Ordinal) ? $"{head.Shard}:{head.Seq}:{head.Hash}" : h));
            return await db.SaveChangesAsync();
        });
        ShouldBeBroken(await VerifyAsync(app), "not signed by the anchoring key");
    }
}
