namespace Qonys.Web.Modules.Permits.Domain;

/// <summary>What an employer asks to change on an issued permit.</summary>
internal static class ChangeRequestKind
{
    public const string Extension = "extension";
    public const string Replacement = "replacement";
}

/// <summary>Statuses of a change request: pending until an officer decides, or closed when the permit ended first.</summary>
internal static class ChangeRequestStatus
{
    public const string Pending = "pending";
    public const string Approved = "approved";
    public const string Rejected = "rejected";
    public const string Closed = "closed";
}

/// <summary>
/// An employer's request to extend a permit or to replace its worker, decided by an officer of the region within
/// the working-day deadline of its kind.
/// </summary>
internal sealed class PermitChangeRequest
{
    public Guid Id { get; set; }
    public string Kind { get; set; } = "";
    public string PermitNumber { get; set; } = "";
    public Guid ApplicationId { get; set; }
    public string EmployerBin { get; set; } = "";
    public string RegionCode { get; set; } = "";
    public string Category { get; set; } = "";
    /// <summary>Extension: the months asked for.</summary>
    public int? Months { get; set; }
    /// <summary>Replacement: the new worker.</summary>
    public string? WorkerFullName { get; set; }
    public string? WorkerPassportNumber { get; set; }
    public string? WorkerCitizenship { get; set; }
    public DateOnly? WorkerBirthDate { get; set; }
    public string? WorkerEducation { get; set; }
    /// <summary>The employer's explanation (e.g. why the worker left).</summary>
    public string? RequestReason { get; set; }
    public string Status { get; set; } = ChangeRequestStatus.Pending;
    public DateOnly RequestedOn { get; set; }
    public DateOnly DecisionDueOn { get; set; }
    public DateTime CreatedAt { get; set; }
    public Guid? CreatedBy { get; set; }
    public DateTime? DecidedAt { get; set; }
    public Guid? DecidedBy { get; set; }
    public string? DecisionReason { get; set; }
    /// <summary>Replacement: the permit issued to the new worker.</summary>
    public string? NewPermitNumber { get; set; }

    public bool IsOverdue(DateOnly today) => Status == ChangeRequestStatus.Pending && DecisionDueOn < today;
}
