using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Qonys.Web.Platform.Audit;

/// <summary>
/// One tamper-evident audit record: position <see cref="Seq"/> (1, 2, …) in chain <see cref="Shard"/>.
/// <see cref="Hash"/> covers every field and the previous entry's hash in the same chain.
/// </summary>
internal sealed class AuditEntry
{
    public int Shard { get; set; }
    public long Seq { get; set; }
    public DateTime At { get; set; }
    public Guid? ActorId { get; set; }
    public string ActorRole { get; set; } = "";
    public string Type { get; set; } = "";
    public string Kind { get; set; } = "";
    public string? EntityType { get; set; }
    public string? EntityId { get; set; }
    public string Data { get; set; } = "{}";
    public string PrevHash { get; set; } = "";
    public string Hash { get; set; } = "";
}

sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("platform_audit_entries");
        b.HasKey(e => new { e.Shard, e.Seq });
        b.Property(e => e.Shard).ValueGeneratedNever();
        b.Property(e => e.Seq).ValueGeneratedNever();
        b.Property(e => e.ActorRole).HasMaxLength(32);
        b.Property(e => e.Type).HasMaxLength(64);
        b.Property(e => e.Kind).HasMaxLength(16);
        b.Property(e => e.EntityType).HasMaxLength(64);
        b.Property(e => e.EntityId).HasMaxLength(64);
        b.Property(e => e.PrevHash).HasMaxLength(64);
        b.Property(e => e.Hash).HasMaxLength(64);
        b.HasIndex(e => new { e.EntityType, e.EntityId });
        b.HasIndex(e => e.At);
    }
}
