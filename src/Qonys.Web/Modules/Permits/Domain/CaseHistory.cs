namespace Qonys.Web.Modules.Permits.Domain;

/// <summary>
/// The life of an application as a state machine over its append-only history: the status is the "to" of the
/// last status-changing action, and the actions allowed next are computed from it.
/// </summary>
internal static class CaseHistory
{
    /// <summary>Which statuses each action may start from and where it leads (null: the action decides, e.g. submit).</summary>
    static readonly Dictionary<string, (string?[] From, string? To)> Transitions = new()
    {
        [CaseActionType.Submit] = ([null], null),
        [CaseActionType.Approve] = ([ApplicationStatus.Submitted], ApplicationStatus.Approved),
        [CaseActionType.Reject] = ([ApplicationStatus.Submitted, ApplicationStatus.ChecksFailed], ApplicationStatus.Rejected),
        [CaseActionType.Withdraw] = ([ApplicationStatus.Submitted, ApplicationStatus.ChecksFailed], ApplicationStatus.Withdrawn),
        [CaseActionType.PayFee] = ([ApplicationStatus.Approved], ApplicationStatus.FeePaid),
        [CaseActionType.Lapse] = ([ApplicationStatus.Approved], ApplicationStatus.Lapsed),
    };

    /// <summary>Actions on one permit of the case: which permit statuses each may start from and where it leads.</summary>
    static readonly Dictionary<string, (string?[] From, string To)> PermitTransitions = new()
    {
        [CaseActionType.Extend] = ([PermitStatus.Active], PermitStatus.Active),
        [CaseActionType.ReplaceWorker] = ([PermitStatus.Active], PermitStatus.Replaced),
        [CaseActionType.IssueReplacement] = ([null], PermitStatus.Active),
        [CaseActionType.Revoke] = ([PermitStatus.Active, PermitStatus.AwaitingFee], PermitStatus.Revoked),
        [CaseActionType.Expire] = ([PermitStatus.Active], PermitStatus.Expired),
        [CaseActionType.Cancel] = ([PermitStatus.AwaitingFee], PermitStatus.Cancelled),
    };

    public static IReadOnlyCollection<string> StatusActions => Transitions.Keys;

    /// <summary>Whether a permit in <paramref name="permitStatus"/> (null: not issued yet) may take <paramref name="action"/>.</summary>
    public static bool PermitAllows(string? permitStatus, string action) =>
        PermitTransitions.TryGetValue(action, out var t) && t.From.Contains(permitStatus);

    public static string PermitTarget(string action) => PermitTransitions[action].To;

    /// <summary>The status-changing actions a permit in <paramref name="permitStatus"/> may take next, in a stable order.</summary>
    public static IReadOnlyList<string> PermitNextActions(string? permitStatus) =>
        PermitTransitions.Keys.Where(a => a != CaseActionType.IssueReplacement && PermitAllows(permitStatus, a)).ToList();

    /// <summary>The status a history leads to; null for an empty history.</summary>
    public static string? StatusOf(IEnumerable<CaseAction> history) =>
        history.Where(a => a.PermitNumber is null).OrderBy(a => a.Seq).LastOrDefault()?.ToStatus;

    public static bool Allows(string? status, string action, bool feeDue) =>
        Transitions.TryGetValue(action, out var t) && t.From.Contains(status) &&
        (action is not (CaseActionType.PayFee or CaseActionType.Lapse) || feeDue);

    public static string Target(string action) =>
        Transitions[action].To ?? throw new InvalidOperationException($"'{action}' has no fixed target status");

    /// <summary>The status-changing actions allowed next, in a stable order.</summary>
    public static IReadOnlyList<string> NextActions(string? status, bool feeDue) =>
        Transitions.Keys.Where(a => a != CaseActionType.Submit && Allows(status, a, feeDue)).ToList();

    /// <summary>The next history entry for a status change; throws when the change is not allowed.</summary>
    public static CaseAction Append(IReadOnlyList<CaseAction> history, Guid applicationId, string action, DateTime at, Guid? actorId,
        string actorRole, string toStatus, string? reason, string? permitNumber = null)
    {
        var from = StatusOf(history);
        return new CaseAction
        {
            ApplicationId = applicationId, Seq = history.Count == 0 ? 1 : history.Max(h => h.Seq) + 1, At = at, ActorId = actorId,
            ActorRole = actorRole, Action = action, FromStatus = permitNumber is null ? from : null, ToStatus = toStatus,
            Reason = reason, PermitNumber = permitNumber,
        };
    }

    /// <summary>
    /// The next history entry for an action on one permit of the case (extension, replacement, revocation, expiry,
    /// cancellation, and the requests before them): from and to are the permit's statuses, the case status is untouched.
    /// </summary>
    public static CaseAction AppendForPermit(IReadOnlyList<CaseAction> history, Guid applicationId, string action, DateTime at,
        Guid? actorId, string actorRole, string permitNumber, string? fromStatus, string toStatus, string? reason) => new()
    {
        ApplicationId = applicationId, Seq = history.Count == 0 ? 1 : history.Max(h => h.Seq) + 1, At = at, ActorId = actorId,
        ActorRole = actorRole, Action = action, FromStatus = fromStatus, ToStatus = toStatus, Reason = reason, PermitNumber = permitNumber,
    };
}
