using Qonys.Web.Modules.Permits.Domain;

namespace Qonys.Tests.Permits;

public sealed class LifecycleTransitionsTests
{
    [Theory]
    [InlineData("active", "extend,replace_worker,revoke,expire")]
    [InlineData("awaiting_fee", "revoke,cancel")]
    [InlineData("revoked", "")]
    [InlineData("expired", "")]
    [InlineData("replaced", "")]
    [InlineData("cancelled", "")]
    public void A_permit_takes_these_actions_next(string status, string expected) =>
        string.Join(",", CaseHistory.PermitNextActions(status)).ShouldBe(expected);

    [Theory]
    [InlineData("extend", "active")]
    [InlineData("replace_worker", "replaced")]
    [InlineData("issue_replacement", "active")]
    [InlineData("revoke", "revoked")]
    [InlineData("expire", "expired")]
    [InlineData("cancel", "cancelled")]
    public void Each_permit_action_leads_to_its_status(string action, string to) => CaseHistory.PermitTarget(action).ShouldBe(to);

    [Fact]
    public void A_replacement_permit_starts_from_nothing()
    {
        CaseHistory.PermitAllows(null, CaseActionType.IssueReplacement).ShouldBeTrue();
        CaseHistory.PermitAllows(PermitStatus.Active, CaseActionType.IssueReplacement).ShouldBeFalse();
    }

    [Fact]
    public void Requests_are_not_status_changes() =>
        CaseHistory.PermitAllows(PermitStatus.Active, CaseActionType.RequestExtension).ShouldBeFalse();

    [Fact]
    public void An_approval_lapses_only_when_a_fee_is_due()
    {
        CaseHistory.Allows(ApplicationStatus.Approved, CaseActionType.Lapse, feeDue: true).ShouldBeTrue();
        CaseHistory.Allows(ApplicationStatus.Approved, CaseActionType.Lapse, feeDue: false).ShouldBeFalse();
        CaseHistory.Allows(ApplicationStatus.FeePaid, CaseActionType.Lapse, feeDue: true).ShouldBeFalse();
        CaseHistory.Target(CaseActionType.Lapse).ShouldBe(ApplicationStatus.Lapsed);
    }

    [Fact]
    public void Permit_entries_keep_their_own_from_and_to_and_leave_the_case_status_alone()
    {
        var id = Guid.NewGuid();
        var at = new DateTime(2026, 5, 4, 10, 0, 0, DateTimeKind.Utc);
        var history = new List<CaseAction>
        {
            CaseHistory.Append([], id, CaseActionType.Submit, at, null, "Employer", ApplicationStatus.Submitted, null),
        };
        history.Add(CaseHistory.Append(history, id, CaseActionType.Approve, at, null, "Officer", ApplicationStatus.Approved, null));
        history.Add(CaseHistory.Append(history, id, CaseActionType.PayFee, at, null, "Employer", ApplicationStatus.FeePaid, null));
        var revoke = CaseHistory.AppendForPermit(history, id, CaseActionType.Revoke, at, null, "Officer", "35-2026-AAAAAAAA",
            PermitStatus.Active, PermitStatus.Revoked, "fraud");
        history.Add(revoke);

        revoke.Seq.ShouldBe(4);
        revoke.FromStatus.ShouldBe(PermitStatus.Active);
        revoke.ToStatus.ShouldBe(PermitStatus.Revoked);
        revoke.PermitNumber.ShouldBe("35-2026-AAAAAAAA");
        CaseHistory.StatusOf(history).ShouldBe(ApplicationStatus.FeePaid);
    }
}
