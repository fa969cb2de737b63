using System.Text.Json;

namespace Qonys.Web.Modules.Integration.Contracts;

/// <summary>
/// The inbound path as code inside the platform uses it (the demo payment gateway): the same validation, inbox,
/// de-duplication and handler as <c>POST /api/v1/integration/events</c>.
/// </summary>
internal interface IInboundEvents
{
    Task<UseCaseResult<InboundReceipt>> ReceiveAsync(Actor actor, InboundEventRequest request, CancellationToken ct);
}

/// <summary>The envelope of every inbound event (API.md "Integration events").</summary>
internal sealed record InboundEventRequest(Guid? EventId, string? Type, DateTimeOffset? OccurredAt, string? Source, JsonElement? Payload);

/// <summary>
/// The answer: <c>status</c> "accepted" for the first copy of an event (202), "duplicate" for a later one (200);
/// <c>outcome</c> says what the first copy came to ("applied" or "dead_lettered").
/// </summary>
internal sealed record InboundReceipt(Guid EventId, string Status, string Outcome, string? Reason)
{
    public const string Accepted = "accepted";
    public const string Duplicate = "duplicate";
}
