using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Qonys.Web.Platform.Notifications;

/// <summary>
/// A person's choices for notifications: which channels besides the in-app bell (always on) carry them, the number SMS
/// go to, and the language they are written in. A person without a row gets e-mail, no SMS, in the account's language.
/// </summary>
internal sealed class NotificationPreference
{
    public Guid UserId { get; set; }
    public bool EmailEnabled { get; set; } = true;
    public bool SmsEnabled { get; set; }
    /// <summary>E.164, e.g. +77011234567.</summary>
    public string? Phone { get; set; }
    /// <summary>kk, ru or en; null: the account's language.</summary>
    public string? Language { get; set; }
    public DateTime UpdatedAt { get; set; }
}

sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> b)
    {
        b.ToTable("platform_notification_preferences");
        b.HasKey(p => p.UserId);
        b.Property(p => p.Phone).HasMaxLength(16);
        b.Property(p => p.Language).HasMaxLength(8);
    }
}
