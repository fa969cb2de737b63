using Microsoft.AspNetCore.Http.HttpResults;
using Qonys.Web.Platform.OpenApi;

namespace Qonys.Web.Platform.Outbox;

/// <summary>The outbound side of integration (docs/api.md "Outbound events"): the contracts, and the outbox for administrators.</summary>
internal static class OutboxEndpoints
{
    public static void MapOutboxApi(this IEndpointRouteBuilder app)
    {
        var integration = app.MapGroup("/api/v1/integration")
            .WithTag("Outbound events", "Events the platform publishes to other state systems (CloudEvents over RabbitMQ): their contracts and the outbox.");
        integration.MapGet("/outbound-schemas", Schemas).WithName("GetOutboundEventSchemas").AllowAnonymous()
            .WithSummary("The CloudEvents envelope and the JSON schema of each outbound event type's data.");
        integration.MapGet("/outbox", List).WithName("ListOutboxEvents").RequireAuthorization(OutboxSetup.OutboxRead)
            .WithSummary("Outbound events, newest first: pending (not yet confirmed by the broker) or published.");
    }

    static Ok<OutboundSchemasDocument> Schemas(OutboxReading reading) => TypedResults.Ok(reading.Schemas());

    static async Task<Results<Ok<PagedList<OutboxEventResponse>>, ValidationProblem>> List(
        string? status, string? type, int? page, int? pageSize, OutboxReading reading, CancellationToken ct) =>
        (await reading.ListAsync(status, type, page, pageSize, ct)).ToOk(Refusals.Invalid);
}
