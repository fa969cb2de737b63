namespace Qonys.Web.Modules.Permits.Domain;

/// <summary>
/// Where a foreign worker of the permit register is, as the border service (crossings) and e-Qonaq (hosts'
/// notifications) last reported: in or out of the country, and where staying. One row per passport; an event older
/// than the newest one applied changes nothing.
/// </summary>
internal sealed class ForeignWorkerStay
{
    public string PassportNumber { get; set; } = "";
    /// <summary>ISO 3166-1 alpha-2 of the passport (the worker's citizenship in the permit register).</summary>
    public string Citizenship { get; set; } = "";
    public bool InCountry { get; set; }
    public DateTime? LastCrossingAt { get; set; }
    /// <summary><see cref="CrossingDirection"/> of the last crossing.</summary>
    public string? LastCrossingDirection { get; set; }
    public string? LastCheckpoint { get; set; }
    public string? StayRegionCode { get; set; }
    public string? StayAddress { get; set; }
    /// <summary>The host that notified the stay: an IIN (a person) or a BIN (an organisation, e.g. a hotel).</summary>
    public string? StayHost { get; set; }
    public DateOnly? StayFrom { get; set; }
    public DateOnly? StayUntil { get; set; }
    /// <summary>When the newest applied event occurred (events may arrive out of order).</summary>
    public DateTime LastEventAt { get; set; }
}

internal static class CrossingDirection
{
    public const string Entry = "entry";
    public const string Exit = "exit";
}
