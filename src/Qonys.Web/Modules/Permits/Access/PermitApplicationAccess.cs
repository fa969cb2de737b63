using Qonys.Web.Modules.Permits.Domain;

namespace Qonys.Web.Modules.Permits.Access;

/// <summary>The operations on a permit application.</summary>
internal static class PermitApplicationOperations
{
    public static readonly RecordOperation Read = new("read");
    /// <summary>File a new application (the record is the application as asked for: its employer and region).</summary>
    public static readonly RecordOperation Submit = new("submit");
    /// <summary>Approve or reject.</summary>
    public static readonly RecordOperation Decide = new("decide");
    public static readonly RecordOperation Withdraw = new("withdraw");
    /// <summary>See the permit-assessment scorecard of the case.</summary>
    public static readonly RecordOperation Assess = new("assess");
    /// <summary>Write in the case's online-support conversation.</summary>
    public static readonly RecordOperation Converse = new("converse");

    /// <summary>The operation a case action is, or null for an action nobody takes by hand (the fee is paid by the payment gateway's event).</summary>
    public static RecordOperation? Of(string action) => action switch
    {
        CaseActionType.Approve or CaseActionType.Reject => Decide,
        CaseActionType.Withdraw => Withdraw,
        _ => null,
    };
}

/// <summary>
/// Who may see or act on a permit application: administrators every case, officers and inspectors the cases of their
/// region, an employer account the cases of its own organisation. Within that reach, officers and administrators
/// decide and see the assessment; employers and administrators withdraw; employers, officers and
/// administrators submit and write in the case's online-support conversation (inspectors read it).
/// </summary>
internal sealed class PermitApplicationAccess : ClaimsRecordAccess<PermitApplication>
{
    static readonly RecordKeys<PermitApplication> ApplicationKeys = new(region: a => a.RegionCode, organisation: a => a.EmployerBin);

    static readonly Dictionary<RecordOperation, string[]> Granted = new()
    {
        [PermitApplicationOperations.Read] = [Roles.Administrator, Roles.Officer, Roles.Inspector, Roles.Employer],
        [PermitApplicationOperations.Submit] = [Roles.Administrator, Roles.Officer, Roles.Employer],
        [PermitApplicationOperations.Decide] = [Roles.Administrator, Roles.Officer],
        [PermitApplicationOperations.Withdraw] = [Roles.Administrator, Roles.Employer],
        [PermitApplicationOperations.Assess] = [Roles.Administrator, Roles.Officer],
        [PermitApplicationOperations.Converse] = [Roles.Administrator, Roles.Officer, Roles.Employer],
    };

    protected override RecordKeys<PermitApplication> Keys => ApplicationKeys;

    protected override IReadOnlyCollection<string> RolesFor(RecordOperation operation) => Granted.GetValueOrDefault(operation) ?? [];

    public override Reach ReachOf(Actor actor) => PermitReach.Of(actor, analystsReachAll: false);
}
