using Qonys.Web.Platform.Audit;

namespace Qonys.Tests.Platform;

/// <summary>Which chain an audit entry joins: a pure, stable function of its subject.</summary>
public sealed class AuditChainShardTests
{
    // Expected values: 32-bit FNV-1a (offset 2166136261, prime 16777619) over the UTF-8 bytes of the subject, modulo 64,
    // computed independently with a five-line Python loop: "employer:990340001230" → 142348185 → 25; "actor:" → 1740062336 → 0.
    [Fact]
    public void The_chain_is_FNV_1a_of_the_subject_modulo_the_chain_count()
    {
        AuditChain.ShardOf(new AuditEntry { EntityType = "employer", EntityId = "990340001230" }).ShouldBe(25);
        AuditChain.ShardOf(new AuditEntry()).ShouldBe(0); // no entity, no actor: the subject is "actor:"
    }

    [Fact]
    public void One_subject_always_joins_one_chain_and_the_actor_stands_in_when_there_is_no_entity()
    {
        var actor = Guid.Parse("0198f3c2-0000-7000-8000-000000000001");
        var login = new AuditEntry { ActorId = actor, Type = "auth.login" };
        var logout = new AuditEntry { ActorId = actor, Type = "auth.logout", Data = "{\"other\":1}" };
        AuditChain.ShardOf(login).ShouldBe(AuditChain.ShardOf(logout));
        var viaEntity = new AuditEntry { ActorId = actor, EntityType = "employer", EntityId = "990340001230" };
        AuditChain.ShardOf(viaEntity).ShouldBe(25);
    }

    [Fact]
    public void Many_subjects_spread_over_the_chains()
    {
        var chains = Enumerable.Range(0, 1000)
            .Select(i => AuditChain.ShardOf(new AuditEntry { EntityType = "permit_application", EntityId = "app-" + i }))
            .ToList();
        chains.ShouldAllBe(c => c >= 0 && c < AuditChain.Shards);
        // 1,000 subjects over 64 chains: about 15.6 each; every chain gets some and none gets more than three times its share.
        var counts = chains.GroupBy(c => c).Select(g => g.Count()).ToList();
        counts.Count.ShouldBe(AuditChain.Shards);
        counts.Max().ShouldBeLessThan(47);
    }
}
