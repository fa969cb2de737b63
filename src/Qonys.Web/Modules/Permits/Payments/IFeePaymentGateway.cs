namespace Qonys.Web.Modules.Permits.Payments;

/// <summary>
/// The state payment gateway as the case page uses it: the employer starts the payment of an application's fee there;
/// the gateway (outside the country's network) later reports the payment as a <c>payment_received</c> event through
/// the inbound API, which alone makes the fee paid. In demo mode <see cref="DemoPaymentGateway"/> stands in for it;
/// in production no gateway client is registered yet and the case page shows the payment reference and amount.
/// </summary>
internal interface IFeePaymentGateway
{
    /// <summary>Starts the payment of <paramref name="amountKzt"/> with the reference <paramref name="applicationId"/>; false when the gateway refused it.</summary>
    Task<bool> PayAsync(Guid applicationId, long amountKzt, CancellationToken ct);
}
