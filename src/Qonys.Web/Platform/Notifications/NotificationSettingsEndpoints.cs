using Microsoft.AspNetCore.Http.HttpResults;
using Qonys.Web.Platform.OpenApi;

namespace Qonys.Web.Platform.Notifications;

/// <summary>A person's notification preferences and the delivery status of their e-mail and SMS; every delivery for administrators.</summary>
internal static class NotificationSettingsEndpoints
{
    public static void MapNotificationSettingsApi(this IEndpointRouteBuilder app)
    {
        var own = app.MapGroup("/api/v1/notifications")
            .WithTags("Notifications")
            .RequireAuthorization(Permissions.NotificationsRead);
        own.MapGet("/preferences", GetPreferences).WithName("GetNotificationPreferences")
            .WithSummary("The caller's channels (e-mail, SMS and its number; the bell is always on) and language.");
        own.MapPut("/preferences", SetPreferences).WithName("SetNotificationPreferences")
            .WithSummary("Change the caller's channels and language; every field is given.");
        own.MapGet("/deliveries", OwnDeliveries).WithName("ListOwnNotificationDeliveries")
            .WithSummary("The caller's e-mail and SMS, newest first: pending with attempts and the next one, delivered by which provider, or failed with the reason.");
        app.MapGet("/api/v1/notification-deliveries", AllDeliveries).WithName("ListNotificationDeliveries")
            .WithTags("Notifications")
            .RequireAuthorization(NotificationDeliveries.ManagePermission)
            .WithSummary("Every e-mail and SMS (status=failed: those given up), newest first.");
    }

    static async Task<Ok<NotificationPreferencesResponse>> GetPreferences(Actor actor, NotificationPreferences preferences, CancellationToken ct) =>
        TypedResults.Ok(await preferences.GetAsync(actor, ct));

    static async Task<Results<Ok<NotificationPreferencesResponse>, ValidationProblem, ConflictProblem>> SetPreferences(
        NotificationPreferencesRequest body, Actor actor, NotificationPreferences preferences, CancellationToken ct) =>
        (await preferences.SetAsync(actor, body, ct)).ToOk(Refusals.Invalid, Refusals.Conflict);

    static async Task<Results<Ok<PagedList<DeliveryResponse>>, ValidationProblem>> OwnDeliveries(
        string? status, int? page, int? pageSize, Actor actor, NotificationDeliveries deliveries, CancellationToken ct) =>
        (await deliveries.PageAsync(actor, everyone: false, status, page, pageSize, ct)).ToOk(Refusals.Invalid);

    static async Task<Results<Ok<PagedList<DeliveryResponse>>, ValidationProblem>> AllDeliveries(
        string? status, int? page, int? pageSize, Actor actor, NotificationDeliveries deliveries, CancellationToken ct) =>
        (await deliveries.PageAsync(actor, everyone: true, status, page, pageSize, ct)).ToOk(Refusals.Invalid);
}
