namespace Qonys.Web.Modules.Compliance.Domain;

/// <summary>
/// An administrative offence under the Code of Administrative Offences (Art. 517 foreigner working without a permit,
/// Art. 518 host failed to notify, Art. 519 employer broke foreign-labour rules), with its fine and collection.
/// </summary>
internal sealed class Offence
{
    public Guid Id { get; set; }
    public string Article { get; set; } = "";
    /// <summary>individual_entrepreneur, official, legal_entity, foreign_national, individual.</summary>
    public string OffenderType { get; set; } = "";
    public string? OffenderBin { get; set; }
    public Guid? OffenderPersonId { get; set; }
    public string RegionCode { get; set; } = "";
    public DateOnly CommittedOn { get; set; }
    public DateOnly RecordedOn { get; set; }
    /// <summary>The provision applied (<see cref="OffenceProvisions"/>); null on records made before it was recorded.</summary>
    public string? Provision { get; set; }
    /// <summary>A business offender's size (<see cref="BusinessSize"/>); null for individuals, officials and foreigners.</summary>
    public string? OffenderSize { get; set; }
    /// <summary>Zero for a warning.</summary>
    public int FineMci { get; set; }
    /// <summary>The version (effective-from date) of the fine's rule value; null for a warning or an older record.</summary>
    public DateOnly? FineRuleVersion { get; set; }
    public long FineKzt { get; set; }
    public long CollectedKzt { get; set; }
    /// <summary>open (fine unpaid or case pending), paid, collected (enforced), cancelled.</summary>
    public string Status { get; set; } = OffenceStatus.Open;
    public DateOnly? ResolvedOn { get; set; }
}

internal static class OffenceStatus
{
    public const string Open = "open";
    public const string Paid = "paid";
    public const string Collected = "collected";
    public const string Cancelled = "cancelled";
    /// <summary>Closed with a warning (no fine).</summary>
    public const string Warned = "warned";
}
