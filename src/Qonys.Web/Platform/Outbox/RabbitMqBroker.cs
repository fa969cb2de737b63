using Microsoft.Extensions.Options;
using RabbitMQ.Client;

namespace Qonys.Web.Platform.Outbox;

/// <summary>
/// Publishes to a RabbitMQ topic exchange with publisher confirms: <see cref="PublishAsync"/> returns when the broker has
/// taken the (persistent) message, and throws when it refused it or the connection failed. After a failure the connection
/// is dropped and opened again on the next publish, so a broker that went away and came back is simply reconnected to.
/// Used by the relay alone (one run at a time), so the connection is not shared between threads.
/// </summary>
internal sealed class RabbitMqBroker(IOptions<OutboxOptions> options) : IOutboxBroker, IAsyncDisposable
{
    IConnection? _connection;
    IChannel? _channel;

    /// <summary>How long a connect or a confirm may take before the broker counts as failed.</summary>
    static readonly TimeSpan BrokerTimeout = TimeSpan.FromSeconds(30);

    public async Task PublishAsync(OutboxEnvelope envelope, CancellationToken ct)
    {
        var o = options.Value;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(BrokerTimeout);
        try
        {
            var channel = _channel ??= await OpenAsync(o, timeout.Token);
            var properties = new BasicProperties
            {
                MessageId = envelope.Id.ToString(), Type = envelope.Type, ContentType = OutboxEnvelope.ContentType,
                DeliveryMode = DeliveryModes.Persistent, Timestamp = new AmqpTimestamp(new DateTimeOffset(envelope.Time).ToUnixTimeSeconds()),
            };
            await channel.BasicPublishAsync(o.Exchange, envelope.Type, mandatory: false, properties, envelope.Body, timeout.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            await CloseAsync();
            throw new TimeoutException($"The broker did not confirm event {envelope.Id} within {BrokerTimeout.TotalSeconds:0} s.");
        }
        catch
        {
            await CloseAsync();
            throw;
        }
    }

    async Task<IChannel> OpenAsync(OutboxOptions o, CancellationToken ct)
    {
        var factory = new ConnectionFactory
        {
            Uri = new Uri(o.BrokerUri!), AutomaticRecoveryEnabled = false, TopologyRecoveryEnabled = false,
            ClientProvidedName = "qonys-outbox-relay", RequestedConnectionTimeout = TimeSpan.FromSeconds(10),
        };
        _connection = await factory.CreateConnectionAsync(ct);
        var channel = await _connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), ct);
        await channel.ExchangeDeclareAsync(o.Exchange, ExchangeType.Topic, durable: true, autoDelete: false, cancellationToken: ct);
        return channel;
    }

    async Task CloseAsync()
    {
        var channel = _channel;
        var connection = _connection;
        _channel = null;
        _connection = null;
        try
        {
            if (channel is not null) await channel.DisposeAsync();
            if (connection is not null) await connection.DisposeAsync();
        }
        catch (Exception e) when (e is RabbitMQ.Client.Exceptions.RabbitMQClientException or IOException or ObjectDisposedException)
        {
            // The connection is already gone: nothing is left to close.
        }
    }

    public async ValueTask DisposeAsync() => await CloseAsync();
}
