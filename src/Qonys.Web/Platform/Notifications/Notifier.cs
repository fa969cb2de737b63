using Microsoft.EntityFrameworkCore;

namespace Qonys.Web.Platform.Notifications;

/// <summary>Use cases call this inside their unit of work; the rows are saved with the business change.</summary>
internal sealed class Notifier(AppDb db, TimeProvider clock)
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
    public async Task NotifyEmployerAsync(string bin, string subject, string body, string? link, CancellationToken ct) =>
        Notify(await EmployerAccountsAsync(bin, ct), subject, body, link);

    /// <summary>The accounts acting for an organisation: read before a transaction that must hold its locks briefly.</summary>
    public async Task<IReadOnlyList<Recipient>> EmployerAccountsAsync(string bin, CancellationToken ct) =>
        await db.Set<AppUser>().AsNoTracking().Where(u => u.EmployerBin == bin).Select(u => new Recipient(u.Id, u.Email)).ToListAsync(ct);

    public void Notify(IReadOnlyList<Recipient> recipients, string subject, string body, string? link)
    {
        foreach (var r in recipients) Notify(r.UserId, r.Email, subject, body, link);
    }
}

internal sealed record Recipient(Guid UserId, string? Email);
