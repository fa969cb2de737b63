namespace Qonys.Web.Modules.Permits.Domain;

/// <summary>
/// The life of an application as a state machine over its append-only history: the status is the "to" of the
/// last status-changing action, and the actions allowed next are computed from it.
/// </summary>
public static class CaseHistory
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

    public static IReadOnlyCollection<string> StatusActions => Transitions.Keys;

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
}
