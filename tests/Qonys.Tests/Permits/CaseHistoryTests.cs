using Qonys.Web.Modules.Permits.Domain;

namespace Qonys.Tests.Permits;

public sealed class CaseHistoryTests
{
    static readonly Guid Id = Guid.NewGuid();
    static readonly DateTime At = new(2026, 10, 20, 9, 0, 0, DateTimeKind.Utc);

    static List<CaseAction> After(params (string Action, string To)[] steps)
    {
        var history = new List<CaseAction>();
        foreach (var (action, to) in steps)
            history.Add(CaseHistory.Append(history, Id, action, At, null, "Officer", to, null));
        return history;
    }

    [Fact]
    public void The_status_is_the_target_of_the_last_status_change_and_permit_actions_do_not_change_it()
    {
        var history = After((CaseActionType.Submit, ApplicationStatus.Submitted), (CaseActionType.Approve, ApplicationStatus.Approved));
        history.Add(CaseHistory.Append(history, Id, "revoke", At, null, "Officer", PermitStatus.Revoked, "fraud", permitNumber: "35-2026-AAAA"));
        CaseHistory.StatusOf(history).ShouldBe(ApplicationStatus.Approved);
        history.Select(h => h.Seq).ShouldBe([1, 2, 3]);
        history[1].FromStatus.ShouldBe(ApplicationStatus.Submitted);
    }

    [Theory]
    [InlineData(ApplicationStatus.Submitted, true, new[] { CaseActionType.Approve, CaseActionType.Reject, CaseActionType.Withdraw })]
    [InlineData(ApplicationStatus.ChecksFailed, true, new[] { CaseActionType.Reject, CaseActionType.Withdraw })]
    [InlineData(ApplicationStatus.Approved, true, new[] { CaseActionType.PayFee, CaseActionType.Lapse })]
    [InlineData(ApplicationStatus.Approved, false, new string[0])]
    [InlineData(ApplicationStatus.FeePaid, true, new string[0])]
    [InlineData(ApplicationStatus.Rejected, true, new string[0])]
    [InlineData(ApplicationStatus.Withdrawn, true, new string[0])]
    [InlineData(ApplicationStatus.Lapsed, true, new string[0])]
    public void The_actions_allowed_next_follow_from_the_status(string status, bool feeDue, string[] expected) =>
        CaseHistory.NextActions(status, feeDue).ShouldBe(expected);

    [Fact]
    public void Approving_twice_is_not_allowed() =>
        CaseHistory.Allows(ApplicationStatus.Approved, CaseActionType.Approve, feeDue: true).ShouldBeFalse();
}
