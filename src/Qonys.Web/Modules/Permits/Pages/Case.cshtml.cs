using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Qonys.Web.Modules.Permits.Access;
using Qonys.Web.Modules.Permits.Assessment;
using Qonys.Web.Modules.Permits.Decisions;
using Qonys.Web.Modules.Permits.Domain;
using Qonys.Web.Modules.Permits.Payments;

namespace Qonys.Web.Modules.Permits.Pages;

/// <summary>
/// The case page: status, deadlines, checks, fee, workers, history, permits, the actions allowed next as forms, and for
/// officers and administrators the permit-assessment breakdown. Every action is a POST that redirects back here.
/// </summary>
[Authorize(Policy = PermitsModule.ApplicationsRead)]
internal sealed class CaseModel(PermitApplicationView view, DecideApplication decide, PermitScorecardAssessment scorecard,
    PermitApplicationAccess access, TimeProvider clock, IStringLocalizer t, IEnumerable<IFeePaymentGateway> gateways) : SignedInPageModel
{
    [FromRoute] public Guid Id { get; set; }
    [FromQuery(Name = "done")] public string? Done { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public PermitApplicationResponse Case { get; private set; } = null!;
    public PermitScorecardBreakdown? Scorecard { get; private set; }
    public FormErrors Errors { get; } = new();
    /// <summary>The action whose form the errors belong to (its reason field gets the error).</summary>
    public string? FailedAction { get; private set; }
    public DateOnly Today { get; private set; }
    /// <summary>Whether the case waits for its state fee (approved with a fee), paid through the payment gateway.</summary>
    public bool AwaitsFee => Case.Status == ApplicationStatus.Approved && Case.Fee.Kzt > 0;
    /// <summary>Whether the caller can start the payment here (a gateway client is registered: the demo's simulator).</summary>
    public bool CanPay => AwaitsFee && gateway is not null && Actor.Role is Roles.Employer or Roles.Administrator;

    readonly IFeePaymentGateway? gateway = gateways.FirstOrDefault();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostApproveAsync(CancellationToken ct) =>
        DecideAsync(CaseActionType.Approve, () => decide.ApproveAsync(Actor, Id, ct), ct);

    public Task<IActionResult> OnPostRejectAsync(CancellationToken ct) =>
        DecideAsync(CaseActionType.Reject, () => decide.RejectAsync(Actor, Id, new DecisionRequest(Reason), ct), ct);

    public Task<IActionResult> OnPostWithdrawAsync(CancellationToken ct) =>
        DecideAsync(CaseActionType.Withdraw, () => decide.WithdrawAsync(Actor, Id,
            new DecisionRequest(string.IsNullOrWhiteSpace(Reason) ? null : Reason), ct), ct);

    /// <summary>
    /// Starts the fee's payment at the payment gateway (in demo mode the simulator, which pays at once and sends the
    /// gateway's payment_received event); the fee becomes paid only by that event.
    /// </summary>
    public async Task<IActionResult> OnPostPayAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (!AwaitsFee || gateway is null || Actor.Role is not (Roles.Employer or Roles.Administrator))
        {
            Errors.Add(null, t["permits.not_allowed"]);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        if (await gateway.PayAsync(Id, Case.Fee.Kzt, ct)) return Redirect($"/permits/applications/{Id}?done={CaseActionType.PayFee}");
        Errors.Add(null, t["permits.case.payment_failed"]);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    async Task<IActionResult> DecideAsync(string action, Func<Task<UseCaseResult<PermitApplicationResponse>>> run, CancellationToken ct)
    {
        var result = await run();
        if (result.Succeeded) return Redirect($"/permits/applications/{Id}?done={action}");
        if (result.Outcome == Outcome.NotFound) return NotFound();
        FailedAction = action;
        switch (result.Outcome)
        {
            case Outcome.Invalid:
                foreach (var (field, messages) in result.Errors!.ToDictionary())
                    foreach (var message in messages)
                        Errors.Add(field == "reason" ? ReasonId(action) : null, t["permits.field." + field] + ": " + message);
                Response.StatusCode = StatusCodes.Status400BadRequest;
                break;
            case Outcome.Conflict:
                Errors.Add(null, result.Detail ?? "");
                Response.StatusCode = StatusCodes.Status409Conflict;
                break;
            default:
                Errors.Add(null, result.Detail ?? t["permits.not_allowed"]);
                Response.StatusCode = result.Outcome == Outcome.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status422UnprocessableEntity;
                break;
        }
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    async Task<bool> LoadAsync(CancellationToken ct)
    {
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var found = await view.GetAsync(Actor, Id, ct);
        if (!found.Succeeded) return false;
        Case = found.Value!;
        if (access.Grants(Actor.Role, PermitApplicationOperations.Assess))
        {
            var scored = await scorecard.EvaluateAsync(Actor, Id, ct);
            if (scored.Succeeded) Scorecard = scored.Value;
        }
        return true;
    }

    /// <summary>The id of an action form's reason field.</summary>
    public static string ReasonId(string action) => "reason-" + action;
}
