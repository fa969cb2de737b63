using Microsoft.EntityFrameworkCore;

namespace Qonys.Web.Platform.Notifications;

internal sealed record NotificationResponse(Guid Id, string Subject, string Body, string? Link, DateTime CreatedAt, bool Read);

/// <summary>The signed-in user's in-app notifications (the bell).</summary>
internal sealed class Inbox(AppDb db, TimeProvider clock)
{
    IQueryable<Notification> Delivered(Guid userId) => db.Set<Notification>().AsNoTracking()
        .Where(n => n.UserId == userId && n.Channel == NotificationChannels.InApp && n.Status == NotificationStatus.Delivered);

    public Task<int> UnreadCountAsync(Guid userId, CancellationToken ct) => Delivered(userId).CountAsync(n => n.ReadAt == null, ct);

    public async Task<PagedList<NotificationResponse>> PageAsync(Guid userId, int? page, int? pageSize, CancellationToken ct)
    {
        var (p, size) = Paging.Normalise(page, pageSize);
        var q = Delivered(userId);
        var total = await q.CountAsync(ct);
        var items = await q.OrderByDescending(n => n.CreatedAt).Skip((p - 1) * size).Take(size)
            .Select(n => new NotificationResponse(n.Id, n.Subject, n.Body, n.Link, n.CreatedAt, n.ReadAt != null)).ToListAsync(ct);
        return new PagedList<NotificationResponse>(items, total, p, size);
    }

    public async Task<bool> MarkReadAsync(Guid userId, Guid id, CancellationToken ct) =>
        await db.Set<Notification>().Where(n => n.Id == id && n.UserId == userId && n.Channel == NotificationChannels.InApp && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, clock.GetUtcNow().UtcDateTime), ct) > 0
        || await Delivered(userId).AnyAsync(n => n.Id == id, ct);
}
