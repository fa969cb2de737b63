namespace Qonys.Web.Modules.Compliance.Contracts;

/// <summary>The register of administrative offences as other modules may read it.</summary>
internal interface IOffenceRegister
{
    /// <summary>How many offences of the organisation <paramref name="bin"/> are still open (fine unpaid or case pending).</summary>
    Task<int> OpenOffencesOfAsync(string bin, CancellationToken ct);

    /// <summary>Every offence as a read model for reports, counted and summed in the database.</summary>
    IQueryable<OffenceRecord> Offences { get; }
}
