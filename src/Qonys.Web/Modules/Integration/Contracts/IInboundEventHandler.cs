namespace Qonys.Web.Modules.Integration.Contracts;

/// <summary>
/// Applies one inbound event type (API.md "Integration: every inbound event type"). The module that owns the data the
/// event changes implements it and registers it with <see cref="InboundEventRegistration.AddInboundEventHandler{THandler,TPayload}"/>
/// in its own <c>AddServices</c>; the integration module only routes. <typeparamref name="TPayload"/> is the payload's
/// schema: the OpenAPI document shows it, and the body is read into it before <see cref="ValidateAsync"/> runs.
/// </summary>
internal interface IInboundEventHandler<TPayload> where TPayload : class
{
    /// <summary>What is wrong with the payload as sent (keys are the payload's JSON names); an empty result when nothing is.</summary>
    Task<ValidationErrors> ValidateAsync(TPayload payload, CancellationToken ct);

    /// <summary>
    /// Applies the event inside the inbox's transaction (the caller saves and commits). An event that cannot be applied
    /// yet (a person not yet known, an application that does not wait for its fee) answers <see cref="InboundOutcome.DeadLetter"/>:
    /// anything the handler wrote is undone and the event waits in the dead-letter list for a replay.
    /// </summary>
    Task<InboundOutcome> ApplyAsync(InboundEvent<TPayload> inbound, CancellationToken ct);
}

/// <summary>An event as a handler receives it: the envelope's facts, the payload, and who sent (or replayed) it.</summary>
internal sealed record InboundEvent<TPayload>(Guid EventId, string Type, DateTimeOffset OccurredAt, string Source, TPayload Payload, Actor Actor);

/// <summary>What applying an event came to: applied, or dead-lettered with the reason an administrator reads.</summary>
internal sealed record InboundOutcome(bool Applied, string? Reason)
{
    public static readonly InboundOutcome Done = new(true, null);
    public static InboundOutcome DeadLetter(string reason) => new(false, reason);
}
