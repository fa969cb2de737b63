namespace Qonys.Web.Platform.Outbox;

/// <summary>Configuration section "Qonys:Outbox": where outbound events go (docs/operations.md).</summary>
internal sealed class OutboxOptions
{
    public const string Section = "Qonys:Outbox";

    /// <summary>The RabbitMQ broker, "amqp://user:password@host:5672/vhost"; unset (the default, demo mode): events stay in the outbox.</summary>
    public string? BrokerUri { get; set; }
    /// <summary>The topic exchange events are published to (declared durable at connect), routing key = the event's type.</summary>
    public string Exchange { get; set; } = "qonys.events";
    /// <summary>The CloudEvents "source" of every event: this platform.</summary>
    public string Source { get; set; } = "https://qonys.kz";
    /// <summary>How long the relay waits after emptying the outbox.</summary>
    public int RelayIntervalMilliseconds { get; set; } = 500;
    /// <summary>How long it waits after the broker failed (refused, unreachable, no confirm).</summary>
    public int RetryMilliseconds { get; set; } = 5000;
    /// <summary>Events read and published per batch.</summary>
    public int BatchSize { get; set; } = 200;

    public bool HasBroker => !string.IsNullOrWhiteSpace(BrokerUri);
}
