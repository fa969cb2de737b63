using Qonys.Web.Modules.Permits.Domain;
using Qonys.Web.Platform.Security;

namespace Qonys.Web.Modules.Permits;

internal sealed record ExtensionRequestBody(int? Months, string? Reason);

internal sealed record ReplacementRequestBody(WorkerRequest? Worker, string? Reason);

/// <summary>The worker of a replacement as an analyst sees it: a stable pseudonym instead of name, passport and birth date.</summary>
internal sealed record PseudonymousWorkerResponse(string Pseudonym, string Citizenship, string Education);

/// <param name="Worker">The new worker of a replacement, identified; null for an extension and for a caller who gets pseudonyms.</param>
/// <param name="PseudonymousWorker">The new worker of a replacement for a caller who may not identify workers (analysts).</param>
internal sealed record ChangeRequestResponse(
    Guid Id, string Kind, string PermitNumber, Guid ApplicationId, string EmployerBin, string RegionCode, string Category, int? Months,
    WorkerResponse? Worker, string? RequestReason, string Status, DateOnly RequestedOn, DateOnly DecisionDueOn, bool Overdue,
    DateTime? DecidedAt, string? DecisionReason, string? NewPermitNumber, PseudonymousWorkerResponse? PseudonymousWorker = null)
{
    /// <param name="pseudonyms">Given for a caller who may not identify the worker: the worker is shown by its pseudonym only.</param>
    public static ChangeRequestResponse From(PermitChangeRequest r, DateOnly today, Pseudonyms? pseudonyms = null) => new(r.Id, r.Kind,
        r.PermitNumber, r.ApplicationId, r.EmployerBin, r.RegionCode, r.Category, r.Months,
        r.WorkerFullName is null || pseudonyms is not null ? null : new WorkerResponse(r.WorkerFullName, r.WorkerPassportNumber!,
            r.WorkerCitizenship!, r.WorkerBirthDate!.Value, r.WorkerEducation!),
        r.RequestReason, r.Status, r.RequestedOn, r.DecisionDueOn, r.IsOverdue(today), r.DecidedAt, r.DecisionReason, r.NewPermitNumber,
        r.WorkerFullName is null || pseudonyms is null ? null : new PseudonymousWorkerResponse(
            pseudonyms.Of("passport:" + r.WorkerCitizenship, r.WorkerPassportNumber!), r.WorkerCitizenship!, r.WorkerEducation!));
}

/// <summary>One line of the officers' work queue: a case with its decision deadline.</summary>
internal sealed record ApplicationQueueItem(Guid Id, string EmployerBin, string RegionCode, string Category, int WorkerCount, string Status,
    DateOnly SubmittedOn, DateOnly DecisionDueOn, DateOnly? FeeDueOn, bool Overdue);

internal sealed record HouseholdPermitRequest(string? EmployerIin, string? RegionCode, int? Months, WorkerRequest? Worker);

internal sealed record PrepaidTaxResponse(int Mci, long Kzt, int MciYear, decimal MciKzt, decimal MciPerMonth);

internal sealed record HouseholdPermitResponse(string Number, string EmployerIin, string RegionCode, string WorkerFullName,
    string WorkerPassportNumber, string WorkerCitizenship, DateOnly WorkerBirthDate, int Months, DateOnly IssuedOn, DateOnly ValidFrom,
    DateOnly ValidUntil, PrepaidTaxResponse PrepaidTax, string Status)
{
    public static HouseholdPermitResponse From(HouseholdPermit p) => new(p.Number, p.EmployerIin, p.RegionCode, p.WorkerFullName,
        p.WorkerPassportNumber, p.WorkerCitizenship, p.WorkerBirthDate, p.Months, p.IssuedOn, p.ValidFrom, p.ValidUntil,
        new PrepaidTaxResponse(p.PrepaidTaxMci, p.PrepaidTaxKzt, p.MciYear, p.PrepaidTaxMci == 0 ? 0 : p.PrepaidTaxKzt / (decimal)p.PrepaidTaxMci,
            p.Months == 0 ? 0 : p.PrepaidTaxMci / (decimal)p.Months),
        p.Status);
}

internal sealed record EmployerChangeRequest(string? NewEmployerIin, string? Reason);

/// <summary>The audit events of the permit lifecycle after issue.</summary>
internal static class PermitLifecycleAuditEvents
{
    public static readonly AuditEventType ChangeRequested = new("permits.change_requested", AuditKind.Change);
    public static readonly AuditEventType ChangeDecided = new("permits.change_decided", AuditKind.Change);
    public static readonly AuditEventType PermitRevoked = new("permits.permit_revoked", AuditKind.Change);
    public static readonly AuditEventType PermitExpired = new("permits.permit_expired", AuditKind.Change);
    public static readonly AuditEventType CertificateIssued = new("permits.certificate_issued", AuditKind.PersonalDataRead);
    public static readonly AuditEventType HouseholdPermitIssued = new("permits.household_permit_issued", AuditKind.Change);
    public static readonly AuditEventType HouseholdEmployerChanged = new("permits.household_employer_changed", AuditKind.Change);
    public static readonly AuditEventType HouseholdPermitsExpired = new("permits.household_permits_expired", AuditKind.Change);
    public static readonly AuditEventType HouseholdPermitRead = new("permits.household_permit_read", AuditKind.PersonalDataRead);
    public static readonly AuditEventType HouseholdPermitsListed = new("permits.household_permits_listed", AuditKind.PersonalDataRead);
    public static readonly AuditEventType ChangeRequestRead = new("permits.change_request_read", AuditKind.PersonalDataRead);
    public static readonly AuditEventType ChangeRequestsListed = new("permits.change_requests_listed", AuditKind.PersonalDataRead);
}
