using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qonys.Web.Modules.Support.Domain;

namespace Qonys.Web.Modules.Support.Data;

sealed class SupportConversationConfiguration : IEntityTypeConfiguration<SupportConversation>
{
    public void Configure(EntityTypeBuilder<SupportConversation> b)
    {
        b.ToTable("support_conversations");
        b.HasKey(c => c.Id);
        b.Property(c => c.CaseKind).HasMaxLength(32);
        b.Property(c => c.CaseId).HasMaxLength(64);
        b.HasIndex(c => new { c.CaseKind, c.CaseId }).IsUnique();
        b.HasMany(c => c.Messages).WithOne().HasForeignKey(m => m.ConversationId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class SupportMessageConfiguration : IEntityTypeConfiguration<SupportMessage>
{
    public void Configure(EntityTypeBuilder<SupportMessage> b)
    {
        b.ToTable("support_messages");
        b.HasKey(m => m.Id);
        b.Property(m => m.AuthorName).HasMaxLength(200);
        b.Property(m => m.Side).HasMaxLength(16);
        b.HasIndex(m => new { m.ConversationId, m.SentAt });
        b.HasMany(m => m.Attachments).WithOne().HasForeignKey(a => a.MessageId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class SupportAttachmentConfiguration : IEntityTypeConfiguration<SupportAttachment>
{
    public void Configure(EntityTypeBuilder<SupportAttachment> b)
    {
        b.ToTable("support_attachments");
        b.HasKey(a => a.Id);
        b.Property(a => a.FileName).HasMaxLength(200);
        b.Property(a => a.ContentType).HasMaxLength(64);
    }
}
