using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Qonys.Web.Platform.Notifications;

/// <summary>
/// Delivers pending notifications. A batch is claimed with a conditional update (a lease), so several app nodes
/// never deliver the same row at once; a node that dies mid-batch leaves leases that expire and are claimed
/// again, and the gateways' delivery key makes that second delivery a no-op.
/// </summary>
internal sealed class NotificationDispatcher(AppDb db, IEmailGateway email, TimeProvider clock, IOptions<QonysOptions> options,
    ILogger<NotificationDispatcher> log)
{
    const int BatchSize = 100;
    const int MaxAttempts = 8;
    public string NodeId { get; init; } = Environment.MachineName + ":" + Environment.ProcessId + ":" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>Claims and delivers one batch; returns how many were delivered.</summary>
    public async Task<int> DispatchBatchAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now.AddSeconds(options.Value.Jobs.NotificationLeaseSeconds);
        var candidates = await db.Set<Notification>().AsNoTracking()
            .Where(n => n.Status == NotificationStatus.Pending && (n.LeaseUntil == null || n.LeaseUntil < now))
            .OrderBy(n => n.CreatedAt).Select(n => n.Id).Take(BatchSize).ToListAsync(ct);
        if (candidates.Count == 0) return 0;
        var owner = NodeId;
        await db.Set<Notification>()
            .Where(n => candidates.Contains(n.Id) && n.Status == NotificationStatus.Pending && (n.LeaseUntil == null || n.LeaseUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.LeaseOwner, owner).SetProperty(n => n.LeaseUntil, until), ct);
        var claimed = await db.Set<Notification>().AsNoTracking()
            .Where(n => candidates.Contains(n.Id) && n.LeaseOwner == owner && n.Status == NotificationStatus.Pending)
            .ToListAsync(ct);

        // Sent rows are marked delivered together at the end of the batch (one statement, not one per row). A node that dies
        // before marking leaves them leased; they are claimed again when the lease expires and the gateway's delivery key
        // makes the second delivery a no-op.
        var delivered = new List<Guid>(claimed.Count);
        foreach (var n in claimed)
        {
            try
            {
                if (n.Channel == NotificationChannels.Email)
                    await email.SendAsync(new EmailMessage(n.Id, n.Recipient ?? "", n.Subject, n.Body, n.Link), ct);
                delivered.Add(n.Id);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                await RecordFailureAsync(n, owner, e);
            }
        }
        ct.ThrowIfCancellationRequested();
        if (delivered.Count > 0)
            await db.Set<Notification>().Where(x => delivered.Contains(x.Id) && x.LeaseOwner == owner)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(x => x.Status, NotificationStatus.Delivered)
                    .SetProperty(x => x.DeliveredAt, clock.GetUtcNow().UtcDateTime)
                    .SetProperty(x => x.Attempts, x => x.Attempts + 1)
                    .SetProperty(x => x.LeaseOwner, (string?)null)
                    .SetProperty(x => x.LeaseUntil, (DateTime?)null), ct);
        return delivered.Count;
    }

    async Task RecordFailureAsync(Notification n, string owner, Exception e)
    {
        // Gateways' errors often quote the address (SMTP 550 …<user@host>…): keep it out of the logs.
        var logged = string.IsNullOrEmpty(n.Recipient) ? e.Message : e.Message.Replace(n.Recipient, "<recipient>", StringComparison.OrdinalIgnoreCase);
        log.LogWarning("Delivery of notification {Id} on {Channel} failed: {Error}", n.Id, n.Channel, logged);
        var failed = n.Attempts + 1 >= MaxAttempts;
        var retryAt = clock.GetUtcNow().UtcDateTime.AddSeconds(Math.Pow(2, n.Attempts + 1));
        await db.Set<Notification>().Where(x => x.Id == n.Id && x.LeaseOwner == owner)
            .ExecuteUpdateAsync(s => s
                .SetProperty(x => x.Status, failed ? NotificationStatus.Failed : NotificationStatus.Pending)
                .SetProperty(x => x.Attempts, x => x.Attempts + 1)
                .SetProperty(x => x.LastError, e.Message.Length > 500 ? e.Message[..500] : e.Message)
                .SetProperty(x => x.LeaseUntil, retryAt), CancellationToken.None);
    }
}
