namespace Qonys.Web.Modules.Permits.Contracts;

/// <summary>
/// The issued work permits and household permits as read models for reports (the analytical centre's figures, the
/// forecast series): queries over them are composed, counted and grouped in the database, as over a view.
/// </summary>
internal interface IPermitRegister
{
    IQueryable<IssuedPermit> Permits { get; }

    IQueryable<IssuedHouseholdPermit> HouseholdPermits { get; }
}
