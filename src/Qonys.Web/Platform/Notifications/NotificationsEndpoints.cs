using Microsoft.AspNetCore.Http.HttpResults;
using Qonys.Web.Platform.OpenApi;

namespace Qonys.Web.Platform.Notifications;

/// <summary>The bell's API: the signed-in user's in-app notifications.</summary>
internal static class NotificationsEndpoints
{
    /// <summary>How many notifications are unread.</summary>
    public sealed record UnreadCount(int Count);

    public static void MapNotificationsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/notifications")
            .WithTag("Notifications", "The signed-in user's in-app notifications (the bell).")
            .RequireAuthorization(Permissions.NotificationsRead);
        group.MapGet("", List).WithName("ListNotifications")
            .WithSummary("The caller's notifications, newest first, with whether each was read.");
        group.MapGet("/unread-count", CountUnread).WithName("CountUnreadNotifications")
            .WithSummary("How many of the caller's notifications are unread.");
        group.MapPost("/{id:guid}/read", MarkRead).WithName("MarkNotificationRead")
            .WithSummary("Mark one of the caller's notifications as read.");
    }

    static async Task<Ok<PagedList<NotificationResponse>>> List(
        int? page, int? pageSize, Actor actor, Inbox inbox, CancellationToken ct) =>
        TypedResults.Ok(await inbox.PageAsync(actor.UserId, page, pageSize, ct));

    static async Task<Ok<UnreadCount>> CountUnread(Actor actor, Inbox inbox, CancellationToken ct) =>
        TypedResults.Ok(new UnreadCount(await inbox.UnreadCountAsync(actor.UserId, ct)));

    static async Task<Results<NoContent, NotFoundProblem>> MarkRead(
        Guid id, Actor actor, Inbox inbox, CancellationToken ct) =>
        await inbox.MarkReadAsync(actor.UserId, id, ct)
            ? TypedResults.NoContent()
            : NotFoundProblem.Of("No such notification.");
}
