using Qonys.Web.Modules.Permits.Domain;

namespace Qonys.Web.Modules.Permits.Access;

/// <summary>The operations on an extension or replacement request.</summary>
internal static class PermitChangeRequestOperations
{
    public static readonly RecordOperation Read = new("read");
    /// <summary>See who the worker of a replacement is (name, passport number, birth date) rather than a pseudonym.</summary>
    public static readonly RecordOperation IdentifyWorker = new("identify_worker");
    /// <summary>Approve or reject the request.</summary>
    public static readonly RecordOperation Decide = new("decide");
}

/// <summary>
/// Who may see or decide an extension or replacement request: the reach of its permit (administrators and analysts
/// every request, officers and inspectors their region's, an employer account its own organisation's); everyone but
/// analysts sees the new worker's identity (analysts see a pseudonym); officers and administrators decide.
/// </summary>
internal sealed class PermitChangeRequestAccess : ClaimsRecordAccess<PermitChangeRequest>
{
    static readonly RecordKeys<PermitChangeRequest> RequestKeys = new(region: r => r.RegionCode, organisation: r => r.EmployerBin);

    static readonly Dictionary<RecordOperation, string[]> Granted = new()
    {
        [PermitChangeRequestOperations.Read] = [Roles.Administrator, Roles.Analyst, Roles.Officer, Roles.Inspector, Roles.Employer],
        [PermitChangeRequestOperations.IdentifyWorker] = [Roles.Administrator, Roles.Officer, Roles.Inspector, Roles.Employer],
        [PermitChangeRequestOperations.Decide] = [Roles.Administrator, Roles.Officer],
    };

    protected override RecordKeys<PermitChangeRequest> Keys => RequestKeys;

    protected override IReadOnlyCollection<string> RolesFor(RecordOperation operation) => Granted.GetValueOrDefault(operation) ?? [];

    public override Reach ReachOf(Actor actor) => PermitReach.Of(actor, analystsReachAll: true);
}
