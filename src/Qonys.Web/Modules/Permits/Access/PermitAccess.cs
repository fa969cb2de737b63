using Qonys.Web.Modules.Permits.Domain;

namespace Qonys.Web.Modules.Permits.Access;

/// <summary>The operations on an issued work permit.</summary>
internal static class PermitOperations
{
    public static readonly RecordOperation Read = new("read");
    /// <summary>Download the certificate: the holder's copy, with the worker's name and passport.</summary>
    public static readonly RecordOperation Certificate = new("certificate");
    /// <summary>Ask for an extension or a worker replacement.</summary>
    public static readonly RecordOperation RequestChange = new("request_change");
    /// <summary>Revoke the permit.</summary>
    public static readonly RecordOperation Revoke = new("revoke");
}

/// <summary>
/// Who may see or act on an issued permit: administrators and analysts every permit, officers and inspectors the
/// permits of their region, an employer account its own organisation's. Within that reach, everyone but analysts
/// downloads the certificate (it names the worker; analysts get no identifiers); employers and administrators ask for
/// changes; officers and administrators revoke.
/// </summary>
internal sealed class PermitAccess : ClaimsRecordAccess<Permit>
{
    static readonly RecordKeys<Permit> PermitKeys = new(region: p => p.RegionCode, organisation: p => p.EmployerBin);

    static readonly Dictionary<RecordOperation, string[]> Granted = new()
    {
        [PermitOperations.Read] = [Roles.Administrator, Roles.Analyst, Roles.Officer, Roles.Inspector, Roles.Employer],
        [PermitOperations.Certificate] = [Roles.Administrator, Roles.Officer, Roles.Inspector, Roles.Employer],
        [PermitOperations.RequestChange] = [Roles.Administrator, Roles.Employer],
        [PermitOperations.Revoke] = [Roles.Administrator, Roles.Officer],
    };

    /// <summary>The roles that may take <paramref name="operation"/> on some permit: what the route's permission is granted from.</summary>
    public static string[] RolesOf(RecordOperation operation) => Granted[operation];

    protected override RecordKeys<Permit> Keys => PermitKeys;

    protected override IReadOnlyCollection<string> RolesFor(RecordOperation operation) => Granted.GetValueOrDefault(operation) ?? [];

    public override Reach ReachOf(Actor actor) => PermitReach.Of(actor, analystsReachAll: true);
}
