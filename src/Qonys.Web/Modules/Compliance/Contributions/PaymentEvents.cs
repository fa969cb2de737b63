using System.Globalization;
using Qonys.Web.Modules.Compliance.Domain;
using Qonys.Web.Modules.Compliance.EmploymentContracts;
using Qonys.Web.Modules.Integration.Contracts;
using Qonys.Web.Modules.Registry.Contracts;

namespace Qonys.Web.Modules.Compliance.Contributions;

/// <summary>The payload of <c>pension_contribution</c>: the employer's mandatory pension contribution for a worker and a month (YYYY-MM).</summary>
internal sealed record PensionContributionPayload(string? EmployerBin, string? WorkerIin, string? Period, long? AmountKzt, DateOnly? PaidOn);

/// <summary>The payload of <c>tax_payment</c>: a tax the employer paid for a period (for a worker where <c>workerIin</c> is given).</summary>
internal sealed record TaxPaymentPayload(string? EmployerBin, string? WorkerIin, string? TaxCode, DateOnly? PeriodFrom, DateOnly? PeriodTo,
    long? AmountKzt, DateOnly? PaidOn);

/// <summary>Shared rules of the two payment events: a registered employer, a valid IIN where given, an amount in range.</summary>
internal static class PaymentEventRules
{
    public const long MaxAmountKzt = 1_000_000_000_000;

    public static void Check(ValidationErrors errors, string? bin, string? iin, long? amount, DateOnly? paidOn)
    {
        if (IdentificationNumbers.Problem(bin) is { } b) errors.Add("employerBin", b);
        if (iin is not null && IdentificationNumbers.Problem(iin) is { } i) errors.Add("workerIin", i);
        if (amount is not { } a) errors.Add("amountKzt", "is required");
        else if (a is <= 0 or > MaxAmountKzt) errors.Add("amountKzt", $"must be between 1 and {MaxAmountKzt}");
        if (paidOn is null) errors.Add("paidOn", "is required (YYYY-MM-DD)");
    }

    /// <summary>Dead-letters a payment of an employer the registry does not know yet (the risk rules read it by BIN).</summary>
    public static async Task<InboundOutcome> RecordAsync(AppDb db, IEmployerDirectory employers, AuditLog audit, TimeProvider clock,
        Guid eventId, Actor actor, StatePayment payment, CancellationToken ct)
    {
        if (await employers.FindAsync(payment.EmployerBin, ct) is null)
            return InboundOutcome.DeadLetter("No employer with this BIN is in the registry yet.");
        payment.EventId = eventId.ToString("D");
        payment.RecordedAt = clock.GetUtcNow().UtcDateTime;
        db.Add(payment);
        audit.Record(actor, ComplianceAuditEvents.PaymentRecorded, "employer", payment.EmployerBin,
            new { eventId, payment.Kind, payment.PeriodFrom, payment.PeriodTo, payment.AmountKzt });
        return InboundOutcome.Done;
    }
}

internal sealed class PensionContributionHandler(AppDb db, IEmployerDirectory employers, AuditLog audit, TimeProvider clock)
    : IInboundEventHandler<PensionContributionPayload>
{
    public Task<ValidationErrors> ValidateAsync(PensionContributionPayload p, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        PaymentEventRules.Check(errors, p.EmployerBin, p.WorkerIin, p.AmountKzt, p.PaidOn);
        if (p.WorkerIin is null) errors.Add("workerIin", "is required: a pension contribution is a worker's");
        if (Month(p.Period) is null) errors.Add("period", "must be a month as YYYY-MM");
        return Task.FromResult(errors);
    }

    public Task<InboundOutcome> ApplyAsync(InboundEvent<PensionContributionPayload> e, CancellationToken ct)
    {
        var month = Month(e.Payload.Period)!.Value;
        return PaymentEventRules.RecordAsync(db, employers, audit, clock, e.EventId, e.Actor, new StatePayment
        {
            Kind = StatePaymentKind.PensionContribution, EmployerBin = e.Payload.EmployerBin!, WorkerIin = e.Payload.WorkerIin,
            PeriodFrom = month, PeriodTo = month.AddMonths(1).AddDays(-1), AmountKzt = e.Payload.AmountKzt!.Value, PaidOn = e.Payload.PaidOn!.Value,
        }, ct);
    }

    static DateOnly? Month(string? period) =>
        DateOnly.TryParseExact(period + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}

internal sealed class TaxPaymentHandler(AppDb db, IEmployerDirectory employers, AuditLog audit, TimeProvider clock)
    : IInboundEventHandler<TaxPaymentPayload>
{
    public Task<ValidationErrors> ValidateAsync(TaxPaymentPayload p, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        PaymentEventRules.Check(errors, p.EmployerBin, p.WorkerIin, p.AmountKzt, p.PaidOn);
        if (string.IsNullOrWhiteSpace(p.TaxCode)) errors.Add("taxCode", "is required (e.g. individual_income_tax, social_tax)");
        else if (p.TaxCode.Length > 40) errors.Add("taxCode", "must be at most 40 characters");
        if (p.PeriodFrom is null) errors.Add("periodFrom", "is required (YYYY-MM-DD)");
        if (p.PeriodTo is null) errors.Add("periodTo", "is required (YYYY-MM-DD)");
        else if (p.PeriodFrom is { } from && p.PeriodTo < from) errors.Add("periodTo", "must not be before periodFrom");
        return Task.FromResult(errors);
    }

    public Task<InboundOutcome> ApplyAsync(InboundEvent<TaxPaymentPayload> e, CancellationToken ct) =>
        PaymentEventRules.RecordAsync(db, employers, audit, clock, e.EventId, e.Actor, new StatePayment
        {
            Kind = StatePaymentKind.TaxPayment, EmployerBin = e.Payload.EmployerBin!, WorkerIin = e.Payload.WorkerIin,
            TaxCode = e.Payload.TaxCode!.Trim(), PeriodFrom = e.Payload.PeriodFrom!.Value, PeriodTo = e.Payload.PeriodTo!.Value,
            AmountKzt = e.Payload.AmountKzt!.Value, PaidOn = e.Payload.PaidOn!.Value,
        }, ct);
}
