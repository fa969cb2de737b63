using System.Text.Json;
using Qonys.Web.Modules.Permits.Access;
using Qonys.Web.Modules.Permits.Domain;
using Qonys.Web.Modules.Permits.Events;
using Qonys.Web.Modules.Permits.Quotas;

namespace Qonys.Web.Modules.Permits.SubmitApplication;

internal static class PermitAuditEvents
{
    public static readonly AuditEventType ApplicationSubmitted = new("permits.application_submitted", AuditKind.Change);
    public static readonly AuditEventType ApplicationDecided = new("permits.application_decided", AuditKind.Change);
    public static readonly AuditEventType ApplicationRead = new("permits.application_read", AuditKind.PersonalDataRead);
    public static readonly AuditEventType FeePaid = new("permits.fee_paid", AuditKind.Change);
    public static readonly AuditEventType ApprovalLapsed = new("permits.approval_lapsed", AuditKind.Change);
    public static readonly AuditEventType QuotaRevised = new("permits.quota_revised", AuditKind.Change);
}

/// <summary>
/// An employer (for its own BIN), an officer of the region or an administrator submits an application. Every
/// check is evaluated and recorded; when all pass, the quota places are reserved in the same transaction, and a
/// quota that cannot hold them refuses the application (422, rule "quota") without creating it.
/// </summary>
internal sealed class SubmitPermitApplication(AppDb db, PermitAssessment assessment, PermitApplicationAccess access, QuotaBook quotas, ReferenceData refs,
    AuditLog audit, Notifier notifier, OutboundEvents events, TimeProvider clock)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<UseCaseResult<PermitApplicationPreview>> PreviewAsync(Actor actor, PermitApplicationRequest request, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var validated = await assessment.ValidateAsync(request, today, ct);
        if (!validated.Succeeded) return validated.As<PermitApplicationPreview>();
        if (ScopeProblem(actor, validated.Value!) is { } problem) return UseCaseResult<PermitApplicationPreview>.Forbidden(problem);
        var assessed = await assessment.AssessAsync(validated.Value!, today, ct);
        if (!assessed.Succeeded) return assessed.As<PermitApplicationPreview>();
        var a = assessed.Value!;
        return UseCaseResult<PermitApplicationPreview>.Ok(new PermitApplicationPreview(a.Checks, a.Fee, a.QuotaYear, PermitRules.AllPassed(a.Checks)));
    }

    public async Task<UseCaseResult<PermitApplicationResponse>> HandleAsync(Actor actor, PermitApplicationRequest request, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var validated = await assessment.ValidateAsync(request, today, ct);
        if (!validated.Succeeded) return validated.As<PermitApplicationResponse>();
        if (ScopeProblem(actor, validated.Value!) is { } problem) return UseCaseResult<PermitApplicationResponse>.Forbidden(problem);
        var assessed = await assessment.AssessAsync(validated.Value!, today, ct);
        if (!assessed.Succeeded) return assessed.As<PermitApplicationResponse>();
        var (checks, fee, year, _) = assessed.Value!;
        var quotaCheck = checks.First(c => c.Rule == PermitRules.Quota);
        if (quotaCheck.Outcome == CheckOutcome.Failed) return UseCaseResult<PermitApplicationResponse>.Refused(PermitRules.Quota, quotaCheck.Detail);

        var r = request;
        var status = PermitRules.AllPassed(checks) ? ApplicationStatus.Submitted : ApplicationStatus.ChecksFailed;
        var calendar = await refs.CalendarAsync(ct);
        var decisionDays = await refs.RequireRuleAsync("deadline.first_decision_working_days", today, ct);
        var application = new PermitApplication
        {
            Id = Guid.CreateVersion7(), EmployerBin = r.EmployerBin!, RegionCode = r.RegionCode!, Category = r.Category!,
            OccupationCode = r.OccupationCode!, OkedSection = r.OkedSection!, WorkerCount = r.WorkerCount!.Value, Months = r.Months!.Value,
            MonthlySalaryKzt = r.MonthlySalaryKzt!.Value, VacancyPublishedOn = r.VacancyPublishedOn, SendingCountry = r.SendingCountry,
            SubmittedOn = today, QuotaYear = year, FeeMci = fee.Mci, FeeKzt = fee.Kzt, FeeRuleVersion = fee.RuleVersion,
            DecisionDueOn = calendar.AddWorkingDays(today, (int)decisionDays.Value), Status = status,
            ChecksJson = JsonSerializer.Serialize(checks, Json), CreatedAt = now, CreatedBy = actor.UserId,
            HoldsQuota = status == ApplicationStatus.Submitted && PermitCategory.HasQuota(r.Category!),
        };
        application.Workers = r.Workers!.Select((w, i) => new ApplicationWorker
        {
            Id = Guid.CreateVersion7(), ApplicationId = application.Id, Position = i + 1, FullName = w.FullName!.Trim(),
            PassportNumber = w.PassportNumber!.ToUpperInvariant(), Citizenship = w.Citizenship!, BirthDate = w.BirthDate!.Value, Education = w.Education!,
        }).ToList();
        application.History.Add(CaseHistory.Append([], application.Id, CaseActionType.Submit, now, actor.UserId, actor.Role, status,
            status == ApplicationStatus.Submitted ? "all checks passed or not applicable" : "failed: " +
                string.Join(", ", checks.Where(c => c.Outcome == CheckOutcome.Failed).Select(c => c.Rule))));

        db.Add(application);
        audit.Record(actor, PermitAuditEvents.ApplicationSubmitted, "permit_application", application.Id.ToString(),
            new { application.EmployerBin, application.RegionCode, application.Category, application.WorkerCount, status, checks });
        events.Emit(PermitsOutboundEvents.StatusChanged(application, null, status, now, []));
        await notifier.NotifyEmployerAsync(application.EmployerBin, $"Permit application {status.Replace('_', ' ')}",
            $"Your application for {application.WorkerCount} category {application.Category} worker(s) in {application.RegionCode} was received: " +
            (status == ApplicationStatus.Submitted ? $"a decision is due by {application.DecisionDueOn:yyyy-MM-dd}." : "some checks failed; see the case page."),
            "/permits/applications/" + application.Id, ct);

        // Everything is read before the transaction: the quota row's lock is held only for the writes and the commit.
        await using var tx = await db.BeginUseCaseTransactionAsync(ct);
        if (application.HoldsQuota && !await quotas.TryReserveAsync(year, application.RegionCode, application.Category, application.WorkerCount, ct))
        {
            db.ChangeTracker.Clear(); // nothing of the refused application is written
            return UseCaseResult<PermitApplicationResponse>.Refused(PermitRules.Quota,
                $"The {year} quota of {application.RegionCode}, category {application.Category}, cannot hold {application.WorkerCount} more place(s).");
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return UseCaseResult<PermitApplicationResponse>.Created(PermitApplicationView.ToResponse(application, actor, access, []));
    }

    /// <summary>Why <paramref name="actor"/> may not file this application (the application's access rule decides), or null.</summary>
    string? ScopeProblem(Actor actor, ValidatedApplication v) =>
        access.Allows(actor, PermitApplicationOperations.Submit, new PermitApplication { RegionCode = v.Request.RegionCode!, EmployerBin = v.Employer.Bin })
            ? null
            : actor.Role switch
            {
                Roles.Officer => $"An officer submits applications of region {actor.RegionCode} only.",
                Roles.Employer => "An employer account applies for its own organisation only.",
                _ => "This role may not submit permit applications.",
            };
}
