using Microsoft.AspNetCore.Http.HttpResults;
using Qonys.Web.Modules.Integration.Contracts;
using Qonys.Web.Modules.Integration.Inbox;
using Qonys.Web.Platform.OpenApi;
using static Qonys.Web.Modules.Integration.IntegrationModule;

namespace Qonys.Web.Modules.Integration;

/// <summary>The inbound events API (docs/api.md "Integration events"): receive, read the inbox, the dead letters and their replay.</summary>
internal static class IntegrationEndpoints
{
    public const string EventsPath = "/api/v1/integration/events";

    public static void MapIntegrationApi(this IEndpointRouteBuilder app)
    {
        var integration = app.MapGroup("/api/v1/integration")
            .WithTag("Integration", "Events from the state information systems: population register, border service, " +
                                    "employment-contract register, payment gateway, e-Qonaq, tax and pension systems.");
        integration.MapPost("/events", Receive).WithName("ReceiveIntegrationEvent")
            .RequireAuthorization(EventsSend)
            .WithSummary("Take one event: 202 the first time its eventId arrives (applied, or kept as dead-lettered), " +
                         "200 \"duplicate\" for every later copy; the payload's schema depends on the type.");
        integration.MapGet("/events/{eventId:guid}", GetEvent).WithName("GetIntegrationEvent")
            .RequireAuthorization(InboxManage)
            .WithSummary("One event of the inbox: its outcome, the reason it was dead-lettered, attempts and duplicates.");
        integration.MapGet("/dead-letters", ListDeadLetters).WithName("ListDeadLetters")
            .RequireAuthorization(InboxManage)
            .WithSummary("Events that could not be applied (e.g. an IIN not yet known), oldest first.");
        integration.MapPost("/dead-letters/{eventId:guid}/replay", Replay).WithName("ReplayDeadLetter")
            .RequireAuthorization(InboxManage)
            .WithSummary("Apply a dead-lettered event again (audited): applied, or still dead-lettered with the new reason.");
    }

    static async Task<Results<Accepted<InboundReceipt>, Ok<InboundReceipt>, ValidationProblem, ForbiddenProblem>> Receive(
        InboundEventRequest body, Actor actor, IInboundEvents intake, CancellationToken ct)
    {
        var result = await intake.ReceiveAsync(actor, body, ct);
        return result.Outcome switch
        {
            Outcome.Created => TypedResults.Accepted(EventsPath + "/" + result.Value!.EventId, result.Value),
            Outcome.Ok => TypedResults.Ok(result.Value),
            Outcome.Invalid => Refusals.Invalid.Answer(result),
            _ => Refusals.Forbidden.Answer(result),
        };
    }

    static async Task<Results<Ok<InboxEntryResponse>, NotFoundProblem>> GetEvent(Guid eventId, Actor actor, DeadLetters inbox, CancellationToken ct) =>
        (await inbox.GetAsync(actor, eventId, ct)).ToOk(Refusals.NotFound);

    static async Task<Results<Ok<PagedList<InboxEntryResponse>>, ValidationProblem>> ListDeadLetters(
        string? type, int? page, int? pageSize, Actor actor, DeadLetters inbox, CancellationToken ct) =>
        (await inbox.ListAsync(actor, type, page, pageSize, ct)).ToOk(Refusals.Invalid);

    static async Task<Results<Ok<InboxEntryResponse>, NotFoundProblem, ConflictProblem>> Replay(
        Guid eventId, Actor actor, DeadLetters inbox, CancellationToken ct) =>
        (await inbox.ReplayAsync(actor, eventId, ct)).ToOk(Refusals.NotFound, Refusals.Conflict);
}
