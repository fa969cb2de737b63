using Microsoft.EntityFrameworkCore;
using Qonys.Web.Modules.Integration.Contracts;
using Qonys.Web.Modules.Permits.Domain;
using Qonys.Web.Modules.Permits.Events;
using Qonys.Web.Modules.Permits.SubmitApplication;

namespace Qonys.Web.Modules.Permits.Payments;

/// <summary>
/// The payload of <c>payment_received</c>: the payment gateway's id of the payment, the application it pays (the
/// payment reference on the payment order is the application's id), the amount and when it was paid.
/// </summary>
internal sealed record PaymentReceivedPayload(string? PaymentId, Guid? ApplicationId, long? AmountKzt, DateTimeOffset? PaidAt);

/// <summary>
/// The state fee becomes paid only by the payment gateway's event (the employer has no "paid" button): a payment
/// matched to an approved application by its id, for exactly the fee the application was priced with (the fee table
/// at submission), makes the fee paid and the permits valid from today, in one conditional update like every case
/// decision. A payment that matches nothing waiting — an unknown application, a wrong amount, an application already
/// paid, lapsed or never approved — is dead-lettered for an administrator (a refund or a correction), never applied.
/// </summary>
internal sealed class FeePaymentReceived(AppDb db, AuditLog audit, Notifier notifier, OutboundEvents events, TimeProvider clock) : IInboundEventHandler<PaymentReceivedPayload>
{
    public Task<ValidationErrors> ValidateAsync(PaymentReceivedPayload p, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(p.PaymentId)) errors.Add("paymentId", "is required: the gateway's id of the payment");
        else if (p.PaymentId.Length > 64) errors.Add("paymentId", "must be at most 64 characters");
        if (p.ApplicationId is null || p.ApplicationId == Guid.Empty) errors.Add("applicationId", "is required: the payment reference, the application's id");
        if (p.AmountKzt is not { } amount) errors.Add("amountKzt", "is required");
        else if (amount is <= 0 or > 1_000_000_000_000) errors.Add("amountKzt", "must be between 1 and 1000000000000");
        if (p.PaidAt is null) errors.Add("paidAt", "is required (ISO 8601)");
        return Task.FromResult(errors);
    }

    public async Task<InboundOutcome> ApplyAsync(InboundEvent<PaymentReceivedPayload> e, CancellationToken ct)
    {
        var p = e.Payload;
        var id = p.ApplicationId!.Value;
        var application = await db.Set<PermitApplication>().Include(a => a.History).AsSplitQuery().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (application is null) return InboundOutcome.DeadLetter("No permit application has this payment reference.");
        var status = CaseHistory.StatusOf(application.History) ?? application.Status;
        if (application.FeeMci == 0) return InboundOutcome.DeadLetter("The application owes no state fee: the payment is to be refunded.");
        if (status == ApplicationStatus.FeePaid)
            return InboundOutcome.DeadLetter("The fee of this application is already paid: the second payment is to be refunded.");
        if (!CaseHistory.Allows(status, CaseActionType.PayFee, feeDue: true))
            return InboundOutcome.DeadLetter($"The application is {status.Replace('_', ' ')}; no fee is awaited.");
        if (p.AmountKzt != application.FeeKzt)
            return InboundOutcome.DeadLetter($"The amount {p.AmountKzt} KZT is not the application's fee of {application.FeeKzt} KZT.");

        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var to = CaseHistory.Target(CaseActionType.PayFee);
        var changed = await db.Set<PermitApplication>().Where(a => a.Id == id && a.Status == status)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, to), ct);
        if (changed != 1) return InboundOutcome.DeadLetter("The application changed while the payment was applied; replay the event.");
        await db.Set<Permit>().Where(x => x.ApplicationId == id && x.Status == PermitStatus.AwaitingFee)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, PermitStatus.Active)
                .SetProperty(x => x.ValidFrom, today)
                .SetProperty(x => x.ValidUntil, today.AddMonths(application.Months).AddDays(-1)), ct);
        application.Status = to;
        var reason = $"payment {p.PaymentId} of {p.AmountKzt} KZT";
        application.History.Add(CaseHistory.Append(application.History, id, CaseActionType.PayFee, now, e.Actor.UserId == Guid.Empty ? null : e.Actor.UserId,
            e.Actor.Role, to, reason));
        audit.Record(e.Actor, PermitAuditEvents.FeePaid, "permit_application", id.ToString(),
            new { action = CaseActionType.PayFee, from = status, to, eventId = e.EventId, paymentId = p.PaymentId, amountKzt = p.AmountKzt });
        notifier.Notify(await notifier.EmployerAccountsAsync(application.EmployerBin, ct), "Permit application fee paid",
            "The fee is paid; the permits are valid.", "/permits/applications/" + id);
        var permits = await db.Set<Permit>().AsNoTracking().Where(x => x.ApplicationId == id).Select(x => x.Number).ToListAsync(ct);
        events.Emit(PermitsOutboundEvents.StatusChanged(application, status, to, now, permits));
        return InboundOutcome.Done;
    }
}
