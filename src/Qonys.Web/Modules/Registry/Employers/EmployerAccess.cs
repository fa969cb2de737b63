using Qonys.Web.Modules.Registry.Domain;

namespace Qonys.Web.Modules.Registry.Employers;

/// <summary>The operations on an organisation of the registry.</summary>
internal static class EmployerOperations
{
    public static readonly RecordOperation Read = new("read");
    public static readonly RecordOperation Register = new("register");
}

/// <summary>
/// Who may see or register an organisation: an employer account its own (its BIN), officers and inspectors the
/// organisations of their region, administrators and analysts all. Reading is open to all five; registering to
/// administrators, officers (their region) and employer accounts (their own organisation).
/// </summary>
internal sealed class EmployerAccess : ClaimsRecordAccess<Employer>
{
    static readonly RecordKeys<Employer> EmployerKeys = new(region: e => e.RegionCode, organisation: e => e.Bin);
    static readonly string[] Readers = [Roles.Administrator, Roles.Analyst, Roles.Officer, Roles.Inspector, Roles.Employer];
    static readonly string[] Registrars = [Roles.Administrator, Roles.Officer, Roles.Employer];

    protected override RecordKeys<Employer> Keys => EmployerKeys;

    protected override IReadOnlyCollection<string> RolesFor(RecordOperation operation) =>
        operation == EmployerOperations.Read ? Readers : operation == EmployerOperations.Register ? Registrars : [];

    public override Reach ReachOf(Actor actor) => actor.Role switch
    {
        Roles.Administrator or Roles.Analyst => Reach.Everything,
        Roles.Officer or Roles.Inspector => Reach.Region(actor.RegionCode),
        Roles.Employer => Reach.Organisation(actor.EmployerBin),
        _ => Reach.Nothing,
    };
}
