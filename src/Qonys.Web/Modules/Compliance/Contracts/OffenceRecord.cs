namespace Qonys.Web.Modules.Compliance.Contracts;

/// <summary>What the compliance register publishes about an offence for reports: no offender's identity.</summary>
internal sealed class OffenceRecord
{
    /// <summary>The article of the Code of Administrative Offences (517, 518, 519).</summary>
    public string Article { get; init; } = "";
    /// <summary>individual_entrepreneur, official, legal_entity, foreign_national, individual.</summary>
    public string OffenderType { get; init; } = "";
    public string RegionCode { get; init; } = "";
    public DateOnly CommittedOn { get; init; }
    public long FineKzt { get; init; }
    public long CollectedKzt { get; init; }
}
