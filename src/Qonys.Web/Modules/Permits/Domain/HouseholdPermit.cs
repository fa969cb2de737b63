namespace Qonys.Web.Modules.Permits.Domain;

/// <summary>Household labour-immigrant permit statuses.</summary>
internal static class HouseholdPermitStatus
{
    public const string Active = "active";
    public const string Expired = "expired";
}

/// <summary>
/// A citizen's permit to employ a foreign domestic worker (PRODUCT.md §2.2, last bullet): 1–12 months, income tax of
/// 4 MCI per month prepaid. A household employer holds at most 5 at once: each active permit takes one numbered
/// slot of its employer, and a unique index on (employer IIN, slot) makes the limit hold under concurrent requests.
/// </summary>
internal sealed class HouseholdPermit
{
    public string Number { get; set; } = "";
    public string EmployerIin { get; set; } = "";
    /// <summary>1..max while active; null once the permit ended (the slot is free again).</summary>
    public int? EmployerSlot { get; set; }
    public string RegionCode { get; set; } = "";
    public string WorkerFullName { get; set; } = "";
    public string WorkerPassportNumber { get; set; } = "";
    public string WorkerCitizenship { get; set; } = "";
    public DateOnly WorkerBirthDate { get; set; }
    public int Months { get; set; }
    public DateOnly IssuedOn { get; set; }
    public DateOnly ValidFrom { get; set; }
    public DateOnly ValidUntil { get; set; }
    public int PrepaidTaxMci { get; set; }
    public long PrepaidTaxKzt { get; set; }
    public int MciYear { get; set; }
    public string Status { get; set; } = HouseholdPermitStatus.Active;
    public DateTime CreatedAt { get; set; }
    public Guid? CreatedBy { get; set; }

    /// <summary>
    /// Whether the permit was valid on <paramref name="date"/>: within its validity. A household permit is never revoked
    /// nor cancelled; "expired" only marks one past its last day (its slot given back), so the status does not change
    /// whether it was valid on an earlier day.
    /// </summary>
    public bool IsValidOn(DateOnly date) => ValidFrom <= date && date <= ValidUntil;
}

/// <summary>A worker's notification that the household employer changed: the permit moved from one IIN to another.</summary>
internal sealed class HouseholdEmployerChange
{
    public long Id { get; set; }
    public string PermitNumber { get; set; } = "";
    public string FromIin { get; set; } = "";
    public string ToIin { get; set; } = "";
    public DateTime At { get; set; }
    public Guid? ActorId { get; set; }
    public string ActorRole { get; set; } = "";
    public string? Reason { get; set; }
}
