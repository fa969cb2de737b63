using System.Text.Json;
using Qonys.Web.Modules.Integration.Contracts;

namespace Qonys.Web.Modules.Permits.Payments;

/// <summary>
/// The payment gateway of the demo (demo mode only): the payment succeeds at once and the simulator, as the gateway
/// would, sends its <c>payment_received</c> event through the inbound path (<see cref="IInboundEvents"/>: validation,
/// inbox, de-duplication, the Permits handler), so the demo pays the fee exactly as production will.
/// </summary>
internal sealed class DemoPaymentGateway(IInboundEvents inbound, TimeProvider clock) : IFeePaymentGateway
{
    public const string Source = "payment-gateway-demo";

    /// <summary>
    /// The gateway's identity in the demo: an integration client holding the one scope it needs, as the real gateway's
    /// OAuth client will (docs/security.md "Integration clients").
    /// </summary>
    static readonly Actor Gateway = new(Guid.Empty, "payment-gateway@demo.qonys.kz", Roles.IntegrationClient, null, null, null)
    {
        Scopes = [IntegrationScopes.ForEventType("payment_received")],
    };

    public async Task<bool> PayAsync(Guid applicationId, long amountKzt, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var payload = JsonSerializer.SerializeToElement(
            new PaymentReceivedPayload("DEMO-" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant(), applicationId, amountKzt, now),
            JsonSerializerOptions.Web);
        var result = await inbound.ReceiveAsync(Gateway, new InboundEventRequest(Guid.NewGuid(), "payment_received", now, Source, payload), ct);
        return result.Succeeded;
    }
}
