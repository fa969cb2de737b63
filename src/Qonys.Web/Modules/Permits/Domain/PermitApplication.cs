namespace Qonys.Web.Modules.Permits.Domain;

/// <summary>An employer's application to engage foreign workers: the request, its automatic checks and its fee.</summary>
internal sealed class PermitApplication
{
    public Guid Id { get; set; }
    public string EmployerBin { get; set; } = "";
    public string RegionCode { get; set; } = "";
    public string Category { get; set; } = "";
    public string OccupationCode { get; set; } = "";
    public string OkedSection { get; set; } = "";
    public int WorkerCount { get; set; }
    public int Months { get; set; }
    public long MonthlySalaryKzt { get; set; }
    public DateOnly? VacancyPublishedOn { get; set; }
    public string? SendingCountry { get; set; }
    public DateOnly SubmittedOn { get; set; }
    public int QuotaYear { get; set; }
    /// <summary>Whether this application holds quota places (reserved, then used).</summary>
    public bool HoldsQuota { get; set; }
    public int FeeMci { get; set; }
    public long FeeKzt { get; set; }
    /// <summary>The version (effective-from date) of the fee rate the fee was priced with; null on older records.</summary>
    public DateOnly? FeeRuleVersion { get; set; }
    public DateOnly DecisionDueOn { get; set; }
    public DateOnly? FeeDueOn { get; set; }
    /// <summary>Derived from <see cref="History"/>; kept as a column for queues and filters.</summary>
    public string Status { get; set; } = ApplicationStatus.Submitted;
    /// <summary>The automatic checks as evaluated at submission (JSON array of <see cref="CheckResult"/>).</summary>
    public string ChecksJson { get; set; } = "[]";
    public DateTime CreatedAt { get; set; }
    public Guid? CreatedBy { get; set; }
    public List<ApplicationWorker> Workers { get; set; } = [];
    public List<CaseAction> History { get; set; } = [];
}

internal sealed class ApplicationWorker
{
    public Guid Id { get; set; }
    public Guid ApplicationId { get; set; }
    public int Position { get; set; }
    public string FullName { get; set; } = "";
    public string PassportNumber { get; set; } = "";
    public string Citizenship { get; set; } = "";
    public DateOnly BirthDate { get; set; }
    public string Education { get; set; } = "";
}

/// <summary>One entry of a case's append-only history: who did what, when, from which status to which, and why.</summary>
internal sealed class CaseAction
{
    public long Id { get; set; }
    public Guid ApplicationId { get; set; }
    public int Seq { get; set; }
    public DateTime At { get; set; }
    public Guid? ActorId { get; set; }
    public string ActorRole { get; set; } = "";
    public string Action { get; set; } = "";
    /// <summary>Set for actions on one permit of the case (extension, replacement, revocation, expiry).</summary>
    public string? PermitNumber { get; set; }
    public string? FromStatus { get; set; }
    public string ToStatus { get; set; } = "";
    public string? Reason { get; set; }
}

/// <summary>A permit for one worker, one employer, one occupation, one region.</summary>
internal sealed class Permit
{
    public string Number { get; set; } = "";
    public Guid ApplicationId { get; set; }
    public Guid WorkerId { get; set; }
    public string EmployerBin { get; set; } = "";
    public string RegionCode { get; set; } = "";
    public string Category { get; set; } = "";
    public string OccupationCode { get; set; } = "";
    public string OkedSection { get; set; } = "";
    public string Citizenship { get; set; } = "";
    public DateOnly IssuedOn { get; set; }
    public DateOnly ValidFrom { get; set; }
    public DateOnly ValidUntil { get; set; }
    /// <summary>The day the permit stopped being valid before <see cref="ValidUntil"/> (revocation, replacement, lapse).</summary>
    public DateOnly? EndedOn { get; set; }
    public string Status { get; set; } = PermitStatus.AwaitingFee;
    public int Extensions { get; set; }

    /// <summary>Whether the permit was valid on <paramref name="date"/>: the rule every dashboard counts by.</summary>
    public bool IsValidOn(DateOnly date) =>
        Status != PermitStatus.AwaitingFee && Status != PermitStatus.Cancelled &&
        ValidFrom <= date && date <= ValidUntil && (EndedOn is null || date < EndedOn);
}

/// <summary>The quota ledger of one (year, region, category): places capped, reserved by applications in review, used by permits.</summary>
internal sealed class QuotaLedger
{
    public int Year { get; set; }
    public string RegionCode { get; set; } = "";
    public string Category { get; set; } = "";
    public int Cap { get; set; }
    public int Reserved { get; set; }
    public int Used { get; set; }
    public int Released { get; set; }
    public int Available => Cap - Reserved - Used;
}

/// <summary>A change of a quota cap, with the reason kept.</summary>
internal sealed class QuotaRevision
{
    public long Id { get; set; }
    public int Year { get; set; }
    public string RegionCode { get; set; } = "";
    public string Category { get; set; } = "";
    public DateTime At { get; set; }
    public Guid? ActorId { get; set; }
    public int OldCap { get; set; }
    public int NewCap { get; set; }
    public string Reason { get; set; } = "";
}
