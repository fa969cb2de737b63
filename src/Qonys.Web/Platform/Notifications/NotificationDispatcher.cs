using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Qonys.Web.Platform.Notifications;

/// <summary>
/// Delivers pending notifications. In-app ones need no provider: one conditional update delivers them. An e-mail or SMS
/// is claimed on its own just before it is sent (a conditional update that takes the row's lease and counts the
/// attempt), so several nodes never send the same row at once and a slow provider never lets a batch's leases run out
/// under it. A node killed after a provider accepted a message but before it recorded that leaves the row leased; the
/// lease runs out, another attempt sends it again under the same delivery key (the notification id), which the
/// provider uses to drop the repeat (docs/operations.md, "Notification delivery"). The providers of a channel are
/// tried in their configured order; when all fail the attempt is recorded and the next one scheduled
/// (<see cref="RetrySchedule"/>) until the message is given up.
/// </summary>
internal sealed class NotificationDispatcher(AppDb db, NotificationGateways gateways, TimeProvider clock, IOptions<QonysOptions> options,
    IOptions<NotificationOptions> notificationOptions, ILogger<NotificationDispatcher> log)
{
    const int BatchSize = 100;
    const int MaxErrorLength = 500;
    public string NodeId { get; init; } = Environment.MachineName + ":" + Environment.ProcessId + ":" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>Delivers one batch of the rows that are due; returns how many were delivered.</summary>
    public async Task<int> DispatchBatchAsync(CancellationToken ct)
    {
        var now = Now();
        var due = await db.Set<Notification>().AsNoTracking()
            .Where(n => n.Status == NotificationStatus.Pending && (n.LeaseUntil == null || n.LeaseUntil < now))
            .OrderBy(n => n.CreatedAt).Select(n => new { n.Id, n.Channel }).Take(BatchSize).ToListAsync(ct);
        if (due.Count == 0) return 0;
        var delivered = 0;
        var inApp = due.Where(d => d.Channel == NotificationChannels.InApp).Select(d => d.Id).ToList();
        if (inApp.Count > 0)
            delivered += await db.Set<Notification>()
                .Where(n => inApp.Contains(n.Id) && n.Status == NotificationStatus.Pending && (n.LeaseUntil == null || n.LeaseUntil < now))
                .ExecuteUpdateAsync(s => s
                    .SetProperty(x => x.Status, NotificationStatus.Delivered)
                    .SetProperty(x => x.DeliveredAt, now)
                    .SetProperty(x => x.Attempts, x => x.Attempts + 1)
                    .SetProperty(x => x.LeaseOwner, (string?)null)
                    .SetProperty(x => x.LeaseUntil, (DateTime?)null), ct);
        foreach (var id in due.Where(d => d.Channel != NotificationChannels.InApp).Select(d => d.Id))
        {
            ct.ThrowIfCancellationRequested();
            if (await DeliverAsync(id, ct)) delivered++;
        }
        return delivered;
    }

    /// <summary>Claims one e-mail or SMS and sends it through the first provider of its channel that takes it.</summary>
    async Task<bool> DeliverAsync(Guid id, CancellationToken ct)
    {
        var now = Now();
        var until = now.AddSeconds(options.Value.Jobs.NotificationLeaseSeconds);
        var owner = NodeId;
        var claimed = await db.Set<Notification>()
            .Where(n => n.Id == id && n.Status == NotificationStatus.Pending && (n.LeaseUntil == null || n.LeaseUntil < now))
            .ExecuteUpdateAsync(s => s
                .SetProperty(x => x.LeaseOwner, owner)
                .SetProperty(x => x.LeaseUntil, until)
                .SetProperty(x => x.Attempts, x => x.Attempts + 1), ct);
        if (claimed == 0) return false; // another node took it since the batch was read
        var n = await db.Set<Notification>().AsNoTracking().SingleAsync(x => x.Id == id, ct);

        var providers = Providers(n);
        var errors = new List<string>(providers.Count);
        var refusals = 0;
        foreach (var (name, send) in providers)
        {
            try
            {
                await send(ct);
            }
            catch (NotificationRefusedException e)
            {
                refusals++;
                errors.Add(Masked(n, e.Message));
                continue;
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                errors.Add(name + ": " + Masked(n, e.Message));
                continue;
            }
            await MarkSentAsync(n, owner, name, errors, ct);
            return true;
        }
        if (providers.Count == 0) errors.Add("no provider is configured for " + n.Channel);
        await RecordFailureAsync(n, owner, string.Join("; ", errors), refusedByAll: refusals == providers.Count);
        return false;
    }

    List<(string Name, Func<CancellationToken, Task> Send)> Providers(Notification n) => n.Channel switch
    {
        NotificationChannels.Email => gateways.Email.Select(g => (g.Name,
            (Func<CancellationToken, Task>)(c => g.SendAsync(new EmailMessage(n.Id, n.Recipient ?? "", n.Subject, n.Body, n.Link), c)))).ToList(),
        NotificationChannels.Sms => gateways.Sms.Select(g => (g.Name,
            (Func<CancellationToken, Task>)(c => g.SendAsync(new SmsMessage(n.Id, n.Recipient ?? "", SmsText(n)), c)))).ToList(),
        _ => [],
    };

    /// <summary>An SMS carries the subject and, if any, the link; the body is on the bell and in the e-mail.</summary>
    static string SmsText(Notification n) => n.Link is null ? n.Subject : n.Subject + " " + n.Link;

    async Task MarkSentAsync(Notification n, string owner, string provider, List<string> earlierErrors, CancellationToken ct)
    {
        var note = earlierErrors.Count == 0 ? null : Cut(string.Join("; ", earlierErrors));
        var marked = await db.Set<Notification>().Where(x => x.Id == n.Id && x.LeaseOwner == owner && x.Status == NotificationStatus.Pending)
            .ExecuteUpdateAsync(s => s
                .SetProperty(x => x.Status, NotificationStatus.Delivered)
                .SetProperty(x => x.DeliveredAt, Now())
                .SetProperty(x => x.Provider, provider)
                .SetProperty(x => x.LastError, x => note ?? x.LastError)
                .SetProperty(x => x.LeaseOwner, (string?)null)
                .SetProperty(x => x.LeaseUntil, (DateTime?)null), ct);
        if (marked == 0)
            log.LogWarning("Notification {Id} was sent by {Provider} after this node's claim ran out; another attempt sends it under the same key",
                n.Id, provider);
    }

    async Task RecordFailureAsync(Notification n, string owner, string error, bool refusedByAll)
    {
        var now = Now();
        var attempts = n.Attempts; // the claim counted this attempt
        var next = refusedByAll ? null : RetrySchedule.NextAttempt(n.CreatedAt, attempts, now, notificationOptions.Value);
        var reason = next is null && !refusedByAll
            ? $"given up after {notificationOptions.Value.GiveUpAfterHours} h and {attempts} attempts; last: {error}"
            : error;
        log.LogWarning("Delivery of notification {Id} on {Channel} failed (attempt {Attempt}): {Error}", n.Id, n.Channel, attempts, error);
        await db.Set<Notification>().Where(x => x.Id == n.Id && x.LeaseOwner == owner && x.Status == NotificationStatus.Pending)
            .ExecuteUpdateAsync(s => s
                .SetProperty(x => x.Status, next is null ? NotificationStatus.Failed : NotificationStatus.Pending)
                .SetProperty(x => x.LastError, Cut(reason))
                .SetProperty(x => x.LeaseUntil, next), CancellationToken.None);
    }

    /// <summary>Providers' errors often quote the address or number (SMTP 550 …&lt;user@host&gt;…): keep it out of logs and records.</summary>
    static string Masked(Notification n, string message) =>
        string.IsNullOrEmpty(n.Recipient) ? message : message.Replace(n.Recipient, "<recipient>", StringComparison.OrdinalIgnoreCase);

    static string Cut(string s) => s.Length > MaxErrorLength ? s[..MaxErrorLength] : s;

    DateTime Now() => clock.GetUtcNow().UtcDateTime;
}

/// <summary>
/// When a failed message is tried again: after the base wait, then twice as long each time up to the longest wait,
/// never later than the give-up time (one last attempt is made then); at or after it, never (the message fails).
/// </summary>
internal static class RetrySchedule
{
    /// <summary>The next attempt after <paramref name="attempts"/> failed ones, or null when the message is given up.</summary>
    public static DateTime? NextAttempt(DateTime createdAt, int attempts, DateTime now, NotificationOptions o)
    {
        var giveUpAt = createdAt.AddHours(o.GiveUpAfterHours);
        if (now >= giveUpAt) return null;
        var maxDelay = TimeSpan.FromMinutes(o.RetryMaxDelayMinutes);
        var exponent = Math.Min(Math.Max(attempts - 1, 0), 30);
        var delay = TimeSpan.FromSeconds(o.RetryBaseSeconds * Math.Pow(2, exponent));
        if (delay > maxDelay) delay = maxDelay;
        var next = now + delay;
        return next > giveUpAt ? giveUpAt : next;
    }
}
