namespace Qonys.Web.Modules.Compliance.Domain;

/// <summary>
/// An employment contract as the state employment-contract register reports it (API.md "Compliance": the
/// <c>contract_registered</c> / <c>contract_terminated</c> events and the <c>import --kind contracts</c> file). The
/// register's contract id is the key, so a contract reported twice is one row. A worker is named by IIN (residents and
/// foreigners who have one) or by passport number and country.
/// </summary>
internal sealed class EmploymentContract
{
    public string ContractId { get; set; } = "";
    public string EmployerBin { get; set; } = "";
    public string? WorkerIin { get; set; }
    public string? WorkerPassportNumber { get; set; }
    /// <summary>ISO 3166-1 alpha-2 of the passport's issuing country.</summary>
    public string? WorkerPassportCountry { get; set; }
    public string Position { get; set; } = "";
    /// <summary>The occupation's code in the national classifier (NKZ).</summary>
    public string OccupationCode { get; set; } = "";
    public long MonthlySalaryKzt { get; set; }
    public DateOnly StartOn { get; set; }
    /// <summary>The agreed end; null for a contract of indefinite term.</summary>
    public DateOnly? EndOn { get; set; }
    public string WorkRegionCode { get; set; } = "";
    /// <summary>The day the register reported the contract terminated; null while it is in force.</summary>
    public DateOnly? TerminatedOn { get; set; }
    /// <summary>Where the row came from: an integration event's id or an import file's name and line.</summary>
    public string Source { get; set; } = "";
    public DateTimeOffset RecordedAt { get; set; }
}
