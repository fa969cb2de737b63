namespace Qonys.Web.Modules.Permits.Access;

/// <summary>
/// The reach shared by the employer-permit records (applications, permits, change requests): administrators
/// everything, officers and inspectors their region, an employer account its own organisation; analysts everything on
/// issued permits and their requests, nothing on applications.
/// </summary>
internal static class PermitReach
{
    public static Reach Of(Actor actor, bool analystsReachAll) => actor.Role switch
    {
        Roles.Administrator => Reach.Everything,
        Roles.Analyst when analystsReachAll => Reach.Everything,
        Roles.Officer or Roles.Inspector => Reach.Region(actor.RegionCode),
        Roles.Employer => Reach.Organisation(actor.EmployerBin),
        _ => Reach.Nothing,
    };
}
