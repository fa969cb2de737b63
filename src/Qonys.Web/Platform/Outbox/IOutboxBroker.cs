namespace Qonys.Web.Platform.Outbox;

/// <summary>Where the relay publishes: returns once the broker has confirmed the message, throws when it did not.</summary>
internal interface IOutboxBroker
{
    Task PublishAsync(OutboxEnvelope envelope, CancellationToken ct);
}
