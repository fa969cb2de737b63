using Microsoft.EntityFrameworkCore;

namespace Qonys.Web.Platform.Notifications;

/// <summary>
/// Where one e-mail or SMS stands: pending (queued, with the attempts so far and when the next is due), delivered (by
/// which provider) or failed (with the reason).
/// </summary>
internal sealed record DeliveryResponse(Guid Id, Guid UserId, string Channel, string? EventType, string Subject, string Status, string? Provider,
    int Attempts, string? LastError, DateTime CreatedAt, DateTime? DeliveredAt, DateTime? NextAttemptAt);

/// <summary>The delivery status of e-mail and SMS: a person's own, and every one for administrators.</summary>
internal sealed class NotificationDeliveries(AppDb db)
{
    /// <summary>See every person's deliveries (the failed ones to act on).</summary>
    public const string ManagePermission = "notifications.deliveries.manage";

    static readonly string[] Statuses = [NotificationStatus.Pending, NotificationStatus.Delivered, NotificationStatus.Failed];

    /// <summary>The caller's own, or with <paramref name="everyone"/> every person's, newest first.</summary>
    public async Task<UseCaseResult<PagedList<DeliveryResponse>>> PageAsync(Actor actor, bool everyone, string? status, int? page, int? pageSize,
        CancellationToken ct)
    {
        if (status is not null && !Statuses.Contains(status))
            return UseCaseResult<PagedList<DeliveryResponse>>.Invalid("status", $"'{status}' is not a delivery status; use one of {string.Join(", ", Statuses)}");
        var (p, size) = Paging.Normalise(page, pageSize);
        var q = db.Set<Notification>().AsNoTracking().Where(n => n.Channel != NotificationChannels.InApp);
        if (!everyone) q = q.Where(n => n.UserId == actor.UserId);
        if (status is not null) q = q.Where(n => n.Status == status);
        var total = await q.CountAsync(ct);
        var items = await q.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Skip((p - 1) * size).Take(size)
            .Select(n => new DeliveryResponse(n.Id, n.UserId, n.Channel, n.EventType, n.Subject, n.Status, n.Provider, n.Attempts, n.LastError, n.CreatedAt,
                n.DeliveredAt, n.Status == NotificationStatus.Pending && n.Attempts > 0 ? n.LeaseUntil : null))
            .ToListAsync(ct);
        return UseCaseResult<PagedList<DeliveryResponse>>.Ok(new(items, total, p, size));
    }
}
