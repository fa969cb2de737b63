namespace Qonys.Web.Modules.Compliance.Domain;

/// <summary>
/// A payment the tax or pension system reported for an employer (and, where named, a worker) for a period: the
/// material of the coming employer risk rules (contributions that stop while permits run, wages below what the
/// contract says). One row per inbound event.
/// </summary>
internal sealed class StatePayment
{
    /// <summary>The inbound event's id.</summary>
    public string EventId { get; set; } = "";
    /// <summary><see cref="StatePaymentKind"/>.</summary>
    public string Kind { get; set; } = "";
    public string EmployerBin { get; set; } = "";
    public string? WorkerIin { get; set; }
    /// <summary>For a tax payment, which tax (e.g. individual_income_tax); null for pension contributions.</summary>
    public string? TaxCode { get; set; }
    public DateOnly PeriodFrom { get; set; }
    public DateOnly PeriodTo { get; set; }
    public long AmountKzt { get; set; }
    public DateOnly PaidOn { get; set; }
    public DateTime RecordedAt { get; set; }
}

internal static class StatePaymentKind
{
    public const string PensionContribution = "pension_contribution";
    public const string TaxPayment = "tax_payment";
}
