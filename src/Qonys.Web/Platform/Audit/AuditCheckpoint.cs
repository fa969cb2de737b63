using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Qonys.Web.Platform.Audit;

/// <summary>
/// A signed statement of every chain's head at one moment: "chain n ended at entry s with hash h". Numbered 1, 2, …;
/// the signature (a key outside the database, <see cref="AuditAnchoring"/>) covers the number, time and heads.
/// </summary>
internal sealed class AuditCheckpoint
{
    public long Number { get; set; }
    public DateTime At { get; set; }
    /// <summary>"shard:seq:hash" per chain, ascending by chain, separated by ';'.</summary>
    public string Heads { get; set; } = "";
    public string KeyId { get; set; } = "";
    public string Signature { get; set; } = "";
}

sealed class AuditCheckpointConfiguration : IEntityTypeConfiguration<AuditCheckpoint>
{
    public void Configure(EntityTypeBuilder<AuditCheckpoint> b)
    {
        b.ToTable("platform_audit_checkpoints");
        b.HasKey(c => c.Number);
        b.Property(c => c.Number).ValueGeneratedNever();
        b.Property(c => c.KeyId).HasMaxLength(64);
        b.Property(c => c.Signature).HasMaxLength(200);
    }
}
