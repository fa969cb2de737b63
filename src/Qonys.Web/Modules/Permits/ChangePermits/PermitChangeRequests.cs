using Microsoft.EntityFrameworkCore;
using Qonys.Web.Modules.Permits.Access;
using Qonys.Web.Modules.Permits.Domain;
using Qonys.Web.Modules.Permits.Events;
using Qonys.Web.Modules.Permits.SubmitApplication;
using Qonys.Web.Platform.Security;

namespace Qonys.Web.Modules.Permits.ChangePermits;

/// <summary>
/// Extension and worker-replacement requests on an issued permit, and the officer's decision on them. A request is
/// checked against the rules when it is made and gets its deadline in working days; at most one request per permit is
/// pending (a filtered unique index). A decision is a conditional update of the request (pending → decided) and of the
/// permit (still as it was read) in one transaction with the history, the audit entry and the employer's notification.
/// Replacement keeps the quota place: the old permit ends as "replaced" and the new one takes its remaining validity.
/// </summary>
internal sealed class PermitChangeRequests(AppDb db, PermitScope scope, PermitAccess permits, PermitChangeRequestAccess requests,
    PermitAssessment assessment, ReferenceData refs, AuditLog audit,
    Notifier notifier, Pseudonyms pseudonyms, OutboundEvents events, TimeProvider clock)
{
    public async Task<UseCaseResult<ChangeRequestResponse>> RequestExtensionAsync(Actor actor, string number, ExtensionRequestBody? body,
        CancellationToken ct)
    {
        var e = new ValidationErrors();
        if (body?.Months is null) e.Add("months", "is required");
        else if (body.Months is < 1 or > 36) e.Add("months", "must be between 1 and 36");
        if (body?.Reason is { Length: > 2000 }) e.Add("reason", "must be at most 2000 characters");
        if (e.Any) return UseCaseResult<ChangeRequestResponse>.Invalid(e);
        var months = body!.Months!.Value;

        var permit = await scope.PermitAsync(actor, number, ct);
        if (permit is null) return UseCaseResult<ChangeRequestResponse>.NotFound();
        if (!permits.Allows(actor, PermitOperations.RequestChange, permit))
            return UseCaseResult<ChangeRequestResponse>.Forbidden("Only the permit's employer may ask for an extension.");
        if (!CaseHistory.PermitAllows(permit.Status, CaseActionType.Extend))
            return UseCaseResult<ChangeRequestResponse>.Conflict($"A permit that is {Words(permit.Status)} cannot be extended.");
        var today = Today();
        var refusal = ExtensionRules.Check(permit.Category, permit.ValidFrom, permit.ValidUntil, permit.Extensions, months, today,
            await LifecycleRuleValues.ExtensionAsync(refs, today, ct));
        if (refusal is not null) return UseCaseResult<ChangeRequestResponse>.Refused(refusal.Rule, refusal.Detail);

        var days = await refs.RequireRuleAsync("deadline.extension_working_days", today, ct);
        var request = NewRequest(actor, permit, ChangeRequestKind.Extension, today, (await refs.CalendarAsync(ct)).AddWorkingDays(today, (int)days.Value),
            body.Reason?.Trim());
        request.Months = months;
        return await SaveRequestAsync(actor, permit, request, CaseActionType.RequestExtension,
            $"Extension by {months} month(s) requested for permit {permit.Number}; a decision is due by {request.DecisionDueOn:yyyy-MM-dd}.", ct);
    }

    public async Task<UseCaseResult<ChangeRequestResponse>> RequestReplacementAsync(Actor actor, string number, ReplacementRequestBody? body,
        CancellationToken ct)
    {
        var today = Today();
        var e = new ValidationErrors();
        await assessment.ValidateWorker(body?.Worker, "worker", today, e, ct);
        if (body?.Reason is { Length: > 2000 }) e.Add("reason", "must be at most 2000 characters");
        if (e.Any) return UseCaseResult<ChangeRequestResponse>.Invalid(e);
        var w = body!.Worker!;

        var permit = await scope.PermitAsync(actor, number, ct);
        if (permit is null) return UseCaseResult<ChangeRequestResponse>.NotFound();
        if (!permits.Allows(actor, PermitOperations.RequestChange, permit))
            return UseCaseResult<ChangeRequestResponse>.Forbidden("Only the permit's employer may ask to replace its worker.");
        if (!CaseHistory.PermitAllows(permit.Status, CaseActionType.ReplaceWorker))
            return UseCaseResult<ChangeRequestResponse>.Conflict($"The worker of a permit that is {Words(permit.Status)} cannot be replaced.");
        var qualification = PermitRules.CheckQualification(new ApplicationFacts
        {
            Category = permit.Category, WorkerCount = 1, Months = 1, MonthlySalaryKzt = 0, SubmittedOn = today, CitizenStaff = [], ForeignStaff = [],
            WorkerEducations = [w.Education!],
        });
        if (qualification.Outcome == CheckOutcome.Failed)
            return UseCaseResult<ChangeRequestResponse>.Refused(PermitRules.Qualification, qualification.Detail);

        var days = await refs.RequireRuleAsync("deadline.replacement_working_days", today, ct);
        var request = NewRequest(actor, permit, ChangeRequestKind.Replacement, today, (await refs.CalendarAsync(ct)).AddWorkingDays(today, (int)days.Value),
            body.Reason?.Trim());
        request.WorkerFullName = w.FullName!.Trim();
        request.WorkerPassportNumber = w.PassportNumber!.ToUpperInvariant();
        request.WorkerCitizenship = w.Citizenship;
        request.WorkerBirthDate = w.BirthDate;
        request.WorkerEducation = w.Education;
        return await SaveRequestAsync(actor, permit, request, CaseActionType.RequestReplacement,
            $"Replacement of the worker of permit {permit.Number} requested; a decision is due by {request.DecisionDueOn:yyyy-MM-dd}.", ct);
    }

    public Task<UseCaseResult<ChangeRequestResponse>> ApproveAsync(Actor actor, string number, Guid id, string kind, CancellationToken ct) =>
        DecideAsync(actor, number, id, kind, approve: true, reason: null, ct);

    public Task<UseCaseResult<ChangeRequestResponse>> RejectAsync(Actor actor, string number, Guid id, string kind, DecisionRequest? body,
        CancellationToken ct) =>
        string.IsNullOrWhiteSpace(body?.Reason)
            ? Task.FromResult(UseCaseResult<ChangeRequestResponse>.Invalid("reason", "is required: say why the request is rejected"))
            : body.Reason.Length > 2000
                ? Task.FromResult(UseCaseResult<ChangeRequestResponse>.Invalid("reason", "must be at most 2000 characters"))
                : DecideAsync(actor, number, id, kind, approve: false, body.Reason.Trim(), ct);

    public async Task<UseCaseResult<ChangeRequestResponse>> GetAsync(Actor actor, string number, Guid id, string kind, CancellationToken ct)
    {
        var request = await db.Set<PermitChangeRequest>().AsNoTracking()
            .FirstOrDefaultAsync(r => r.Id == id && r.PermitNumber == number && r.Kind == kind, ct);
        if (request is null) return UseCaseResult<ChangeRequestResponse>.NotFound();
        if (!requests.Allows(actor, PermitChangeRequestOperations.Read, request))
        {
            await audit.RecordNowAsync(actor, PlatformAuditEvents.RecordOutOfScope, "permit_change_request", id.ToString(), ct: ct);
            return UseCaseResult<ChangeRequestResponse>.NotFound();
        }
        // A replacement names its new worker: reading it is a read of personal data (also as a pseudonym).
        if (request.WorkerFullName is not null)
            await audit.RecordNowAsync(actor, PermitLifecycleAuditEvents.ChangeRequestRead, "permit_change_request", id.ToString(), ct: ct);
        return UseCaseResult<ChangeRequestResponse>.Ok(ChangeRequestResponse.From(request, Today(),
            requests.Allows(actor, PermitChangeRequestOperations.IdentifyWorker, request) ? null : pseudonyms));
    }

    async Task<UseCaseResult<ChangeRequestResponse>> DecideAsync(Actor actor, string number, Guid id, string kind, bool approve, string? reason,
        CancellationToken ct)
    {
        var request = await db.Set<PermitChangeRequest>().AsNoTracking()
            .FirstOrDefaultAsync(r => r.Id == id && r.PermitNumber == number && r.Kind == kind, ct);
        var permit = request is null ? null : await scope.PermitAsync(actor, number, ct);
        if (request is null || permit is null) return UseCaseResult<ChangeRequestResponse>.NotFound();
        if (!requests.Allows(actor, PermitChangeRequestOperations.Decide, request))
            return UseCaseResult<ChangeRequestResponse>.Forbidden($"Only an officer of {permit.RegionCode} or an administrator decides on this request.");
        if (request.Status != ChangeRequestStatus.Pending)
            return UseCaseResult<ChangeRequestResponse>.Conflict($"The request is already {request.Status}.");
        var today = Today();
        var now = clock.GetUtcNow().UtcDateTime;
        if (approve && (!CaseHistory.PermitAllows(permit.Status, kind == ChangeRequestKind.Extension ? CaseActionType.Extend : CaseActionType.ReplaceWorker)
                        || permit.ValidUntil < today))
            return UseCaseResult<ChangeRequestResponse>.Conflict($"The permit is {Words(permit.Status)} and valid until {permit.ValidUntil:yyyy-MM-dd}; the request cannot be approved.");

        var application = await scope.CaseAsync(permit.ApplicationId, ct);
        await using var tx = await db.BeginUseCaseTransactionAsync(ct);
        var newStatus = approve ? ChangeRequestStatus.Approved : ChangeRequestStatus.Rejected;
        var newPermitNumber = approve && kind == ChangeRequestKind.Replacement
            ? PermitNumbers.New(permit.RegionCode, today.Year)
            : null;
        string message;
        if (await db.Set<PermitChangeRequest>().Where(r => r.Id == id && r.Status == ChangeRequestStatus.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, newStatus).SetProperty(r => r.DecidedAt, now)
                    .SetProperty(r => r.DecidedBy, actor.UserId).SetProperty(r => r.DecisionReason, reason)
                    .SetProperty(r => r.NewPermitNumber, newPermitNumber), ct) != 1)
            return UseCaseResult<ChangeRequestResponse>.Conflict("The request was decided by someone else; reload it.");

        if (!approve)
        {
            var action = kind == ChangeRequestKind.Extension ? CaseActionType.RejectExtension : CaseActionType.RejectReplacement;
            application.History.Add(CaseHistory.AppendForPermit(application.History, application.Id, action, now, actor.UserId, actor.Role,
                permit.Number, permit.Status, permit.Status, reason));
            message = $"The {kind} request for permit {permit.Number} was rejected: {reason}";
        }
        else if (kind == ChangeRequestKind.Extension)
        {
            var until = ExtensionRules.ExtendedUntil(permit.ValidUntil, request.Months!.Value);
            if (await db.Set<Permit>().Where(p => p.Number == permit.Number && p.Status == PermitStatus.Active && p.ValidUntil == permit.ValidUntil &&
                                                   p.Extensions == permit.Extensions)
                    .ExecuteUpdateAsync(s => s.SetProperty(p => p.ValidUntil, until).SetProperty(p => p.Extensions, p => p.Extensions + 1), ct) != 1)
                return UseCaseResult<ChangeRequestResponse>.Conflict("The permit was changed by someone else; reload it.");
            application.History.Add(CaseHistory.AppendForPermit(application.History, application.Id, CaseActionType.Extend, now, actor.UserId,
                actor.Role, permit.Number, permit.Status, CaseHistory.PermitTarget(CaseActionType.Extend),
                $"extended by {request.Months} month(s) to {until:yyyy-MM-dd}"));
            message = $"Permit {permit.Number} is extended by {request.Months} month(s): valid until {until:yyyy-MM-dd}.";
        }
        else
        {
            var to = CaseHistory.PermitTarget(CaseActionType.ReplaceWorker);
            if (await db.Set<Permit>().Where(p => p.Number == permit.Number && p.Status == permit.Status)
                    .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, to).SetProperty(p => p.EndedOn, today), ct) != 1)
                return UseCaseResult<ChangeRequestResponse>.Conflict("The permit was changed by someone else; reload it.");
            var worker = new ApplicationWorker
            {
                Id = Guid.CreateVersion7(), ApplicationId = application.Id, Position = application.Workers.Max(x => x.Position) + 1,
                FullName = request.WorkerFullName!, PassportNumber = request.WorkerPassportNumber!, Citizenship = request.WorkerCitizenship!,
                BirthDate = request.WorkerBirthDate!.Value, Education = request.WorkerEducation!,
            };
            db.Add(worker);
            application.Workers.Add(worker);
            var replacement = db.Add(new Permit
            {
                Number = newPermitNumber!, ApplicationId = application.Id, WorkerId = worker.Id, EmployerBin = permit.EmployerBin,
                RegionCode = permit.RegionCode, Category = permit.Category, OccupationCode = permit.OccupationCode, OkedSection = permit.OkedSection,
                Citizenship = worker.Citizenship, IssuedOn = today, ValidFrom = today, ValidUntil = permit.ValidUntil,
                Status = CaseHistory.PermitTarget(CaseActionType.IssueReplacement), Extensions = permit.Extensions,
            }).Entity;
            events.Emit(PermitsOutboundEvents.Issued(replacement));
            application.History.Add(CaseHistory.AppendForPermit(application.History, application.Id, CaseActionType.ReplaceWorker, now, actor.UserId,
                actor.Role, permit.Number, permit.Status, to, $"worker replaced; permit {newPermitNumber} issued to the new worker"));
            application.History.Add(CaseHistory.AppendForPermit(application.History, application.Id, CaseActionType.IssueReplacement, now,
                actor.UserId, actor.Role, newPermitNumber!, null, CaseHistory.PermitTarget(CaseActionType.IssueReplacement),
                $"replaces permit {permit.Number}; the quota place carries over"));
            message = $"The worker of permit {permit.Number} is replaced: permit {newPermitNumber} is issued, valid until {permit.ValidUntil:yyyy-MM-dd}.";
        }
        audit.Record(actor, PermitLifecycleAuditEvents.ChangeDecided, "permit_change_request", id.ToString(),
            new { permit = permit.Number, kind, decision = newStatus, reason, newPermitNumber });
        await notifier.NotifyEmployerAsync(permit.EmployerBin, $"Permit {kind} request {newStatus}", message, "/permits/" + permit.Number, ct);
        if (!await db.TrySaveChangesAsync(ct)) return UseCaseResult<ChangeRequestResponse>.Conflict("The case was changed by someone else; try again.");
        await tx.CommitAsync(ct);
        var saved = await db.Set<PermitChangeRequest>().AsNoTracking().FirstAsync(r => r.Id == id, ct);
        return UseCaseResult<ChangeRequestResponse>.Ok(ChangeRequestResponse.From(saved, today));
    }

    PermitChangeRequest NewRequest(Actor actor, Permit permit, string kind, DateOnly today, DateOnly due, string? reason) => new()
    {
        Id = Guid.CreateVersion7(), Kind = kind, PermitNumber = permit.Number, ApplicationId = permit.ApplicationId, EmployerBin = permit.EmployerBin,
        RegionCode = permit.RegionCode, Category = permit.Category, RequestReason = reason, Status = ChangeRequestStatus.Pending,
        RequestedOn = today, DecisionDueOn = due, CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = actor.UserId,
    };

    async Task<UseCaseResult<ChangeRequestResponse>> SaveRequestAsync(Actor actor, Permit permit, PermitChangeRequest request, string action,
        string message, CancellationToken ct)
    {
        if (await db.Set<PermitChangeRequest>().AnyAsync(r => r.PermitNumber == permit.Number && r.Status == ChangeRequestStatus.Pending, ct))
            return UseCaseResult<ChangeRequestResponse>.Conflict($"Permit {permit.Number} already has a pending request; wait for its decision.");
        var application = await scope.CaseAsync(permit.ApplicationId, ct);
        await using var tx = await db.BeginUseCaseTransactionAsync(ct);
        db.Add(request);
        application.History.Add(CaseHistory.AppendForPermit(application.History, application.Id, action, request.CreatedAt, actor.UserId, actor.Role,
            permit.Number, permit.Status, permit.Status, request.RequestReason));
        audit.Record(actor, PermitLifecycleAuditEvents.ChangeRequested, "permit_change_request", request.Id.ToString(),
            new { permit = permit.Number, request.Kind, request.Months, request.DecisionDueOn });
        await notifier.NotifyEmployerAsync(permit.EmployerBin, $"Permit {request.Kind} requested", message, "/permits/" + permit.Number, ct);
        if (!await db.TrySaveChangesAsync(ct))
            return UseCaseResult<ChangeRequestResponse>.Conflict($"Permit {permit.Number} already has a pending request, or its case changed; reload it.");
        await tx.CommitAsync(ct);
        return UseCaseResult<ChangeRequestResponse>.Created(ChangeRequestResponse.From(request, request.RequestedOn));
    }

    DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    static string Words(string status) => status.Replace('_', ' ');
}
