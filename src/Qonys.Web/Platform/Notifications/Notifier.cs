using Microsoft.EntityFrameworkCore;
using Qonys.Web.Platform.Auth;
using Qonys.Web.Platform.Data;

namespace Qonys.Web.Platform.Notifications;

/// <summary>Use cases call this inside their unit of work; the rows are saved with the business change.</summary>
public sealed class Notifier(AppDb db, TimeProvider clock)
{
    public void Notify(Guid userId, string? email, string subject, string body, string? link = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        db.Add(new Notification
        {
            Id = Guid.CreateVersion7(), UserId = userId, Channel = NotificationChannels.InApp, Subject = subject, Body = body,
            Link = link, CreatedAt = now,
        });
        if (!string.IsNullOrEmpty(email))
            db.Add(new Notification
            {
                Id = Guid.CreateVersion7(), UserId = userId, Channel = NotificationChannels.Email, Recipient = email,
                Subject = subject, Body = body, Link = link, CreatedAt = now,
            });
    }

    /// <summary>Notifies every account acting for an organisation (employer users with that BIN).</summary>
    public async Task NotifyEmployerAsync(string bin, string subject, string body, string? link, CancellationToken ct)
    {
        var accounts = await db.Set<AppUser>().AsNoTracking().Where(u => u.EmployerBin == bin)
            .Select(u => new { u.Id, u.Email }).ToListAsync(ct);
        foreach (var a in accounts) Notify(a.Id, a.Email, subject, body, link);
    }
}
