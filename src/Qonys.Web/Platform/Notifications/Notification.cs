using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Qonys.Web.Platform.Notifications;

/// <summary>
/// One message to one user on one channel: an outbox row written in the business transaction, delivered later
/// by the dispatcher. In-app messages become visible (the bell) once delivered.
/// </summary>
internal sealed class Notification
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public string Channel { get; set; } = NotificationChannels.InApp;
    public string? Recipient { get; set; }
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
    public string? Link { get; set; }
    /// <summary>The event whose template the text was written from (null for text written by the caller).</summary>
    public string? EventType { get; set; }
    public DateTime CreatedAt { get; set; }
    public string Status { get; set; } = NotificationStatus.Pending;
    public int Attempts { get; set; }
    /// <summary>Why the last attempt failed, or why the message was given up (no personal identifiers).</summary>
    public string? LastError { get; set; }
    /// <summary>The provider that sent it (e-mail and SMS), once sent.</summary>
    public string? Provider { get; set; }
    /// <summary>The node that claimed the row for an attempt.</summary>
    public string? LeaseOwner { get; set; }
    /// <summary>Until when that claim holds; for a pending row after a failed attempt, when the next attempt is due.</summary>
    public DateTime? LeaseUntil { get; set; }
    public DateTime? DeliveredAt { get; set; }
    public DateTime? ReadAt { get; set; }
}

internal static class NotificationChannels
{
    public const string InApp = "in_app";
    public const string Email = "email";
    public const string Sms = "sms";
}

internal static class NotificationStatus
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";
    public const string Failed = "failed";
}

sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.ToTable("platform_notifications");
        b.HasKey(n => n.Id);
        b.Property(n => n.Channel).HasMaxLength(16);
        b.Property(n => n.Recipient).HasMaxLength(256);
        b.Property(n => n.Subject).HasMaxLength(300);
        b.Property(n => n.Link).HasMaxLength(300);
        b.Property(n => n.Status).HasMaxLength(16);
        b.Property(n => n.LeaseOwner).HasMaxLength(64);
        b.Property(n => n.EventType).HasMaxLength(64);
        b.Property(n => n.Provider).HasMaxLength(64);
        b.HasIndex(n => new { n.Status, n.LeaseUntil });
        b.HasIndex(n => new { n.UserId, n.Channel, n.ReadAt });
        b.HasIndex(n => new { n.UserId, n.CreatedAt });
    }
}
