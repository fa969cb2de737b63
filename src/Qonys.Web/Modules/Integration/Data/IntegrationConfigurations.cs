using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qonys.Web.Modules.Integration.Inbox;

namespace Qonys.Web.Modules.Integration.Data;

sealed class InboxEntryConfiguration : IEntityTypeConfiguration<InboxEntry>
{
    public void Configure(EntityTypeBuilder<InboxEntry> b)
    {
        b.ToTable("integration_inbox");
        b.HasKey(e => e.EventId);
        b.Property(e => e.EventId).HasMaxLength(36);
        b.Property(e => e.Type).HasMaxLength(40);
        b.Property(e => e.Source).HasMaxLength(100);
        b.Property(e => e.Outcome).HasMaxLength(16);
        b.Property(e => e.Reason).HasMaxLength(500);
        b.HasIndex(e => new { e.Outcome, e.ReceivedAt });
    }
}
