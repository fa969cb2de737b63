using Microsoft.EntityFrameworkCore;

namespace Qonys.Web.Platform.Notifications;

/// <summary>Use cases call this inside their unit of work; the rows are saved with the business change.</summary>
internal sealed class Notifier(AppDb db, NotificationTemplates templates, NotificationGateways gateways, TimeProvider clock)
{
    public void Notify(Guid userId, string? email, string subject, string body, string? link = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        Add(userId, NotificationChannels.InApp, null, subject, body, link, null, now);
        if (!string.IsNullOrEmpty(email)) Add(userId, NotificationChannels.Email, email, subject, body, link, null, now);
    }

    /// <summary>
    /// Notifies each account of an event from its template, in the language the person chose (else the account's), on the
    /// channels the person keeps on: the bell always, e-mail unless switched off, SMS when switched on with a number and
    /// a provider configured.
    /// </summary>
    public async Task NotifyAsync(IReadOnlyCollection<Guid> userIds, string eventType, IReadOnlyDictionary<string, string> values, string? link,
        CancellationToken ct)
    {
        if (!templates.Knows(eventType)) throw new InvalidOperationException($"No notification template for '{eventType}'");
        if (userIds.Count == 0) return;
        var ids = userIds.Distinct().ToList();
        var users = await db.Set<AppUser>().AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, u.Email, u.Culture }).ToListAsync(ct);
        var preferences = await db.Set<NotificationPreference>().AsNoTracking().Where(p => ids.Contains(p.UserId)).ToDictionaryAsync(p => p.UserId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var user in users)
        {
            var preference = preferences.GetValueOrDefault(user.Id);
            var (subject, body) = templates.Render(eventType, preference?.Language ?? user.Culture, values);
            Add(user.Id, NotificationChannels.InApp, null, subject, body, link, eventType, now);
            if ((preference?.EmailEnabled ?? true) && !string.IsNullOrEmpty(user.Email))
                Add(user.Id, NotificationChannels.Email, user.Email, subject, body, link, eventType, now);
            if (preference is { SmsEnabled: true, Phone: { Length: > 0 } phone } && gateways.Sms.Count > 0)
                Add(user.Id, NotificationChannels.Sms, phone, subject, body, link, eventType, now);
        }
    }

    void Add(Guid userId, string channel, string? recipient, string subject, string body, string? link, string? eventType, DateTime now) =>
        db.Add(new Notification
        {
            Id = Guid.CreateVersion7(), UserId = userId, Channel = channel, Recipient = recipient, Subject = Cut(subject, 300), Body = body,
            Link = link, EventType = eventType, CreatedAt = now,
        });

    static string Cut(string s, int max) => s.Length > max ? s[..max] : s;

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
