using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Qonys.Web.Platform.Outbox;

/// <summary>
/// One outbound event, written in the transaction of the decision it reports (<see cref="OutboundEvents"/>) and published
/// later by the relay (<see cref="OutboxRelay"/>). <see cref="Sequence"/> numbers the events of one aggregate and subject
/// from 1 in commit order (<see cref="OutboxSequencing"/>); <see cref="Position"/> is the order the relay publishes in.
/// Rows are kept after publishing: they are the record of what the platform told other systems.
/// </summary>
internal sealed class OutboxMessage
{
    public long Position { get; set; }
    public Guid Id { get; set; }
    public string Type { get; set; } = "";
    public string Aggregate { get; set; } = "";
    public string Subject { get; set; } = "";
    public long Sequence { get; set; }
    public DateTime OccurredAt { get; set; }
    /// <summary>The event's data as JSON (the record serialized with <see cref="OutboundEventCatalog.Json"/>).</summary>
    public string Data { get; set; } = "";
    public DateTime? PublishedAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
}

sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("platform_outbox");
        b.HasKey(m => m.Position);
        b.Property(m => m.Position).ValueGeneratedOnAdd();
        b.Property(m => m.Type).HasMaxLength(100);
        b.Property(m => m.Aggregate).HasMaxLength(32);
        b.Property(m => m.Subject).HasMaxLength(100);
        b.Property(m => m.LastError).HasMaxLength(500);
        b.HasIndex(m => m.Id).IsUnique();
        b.HasIndex(m => new { m.Aggregate, m.Subject, m.Sequence }).IsUnique();
        b.HasIndex(m => new { m.PublishedAt, m.Position });
    }
}
