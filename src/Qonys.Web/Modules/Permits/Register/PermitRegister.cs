using Microsoft.EntityFrameworkCore;
using Qonys.Web.Modules.Permits.Contracts;
using Qonys.Web.Modules.Permits.Domain;

namespace Qonys.Web.Modules.Permits.Register;

/// <summary>The permits module's door for reports (<see cref="IPermitRegister"/>): projections of its tables, composed by the caller.</summary>
internal sealed class PermitRegister(AppDb db) : IPermitRegister
{
    public IQueryable<IssuedPermit> Permits => db.Set<Permit>().AsNoTracking().Select(p => new IssuedPermit
    {
        Number = p.Number, WorkerId = p.WorkerId, EmployerBin = p.EmployerBin, RegionCode = p.RegionCode, Category = p.Category,
        OkedSection = p.OkedSection, Citizenship = p.Citizenship, IssuedOn = p.IssuedOn, ValidFrom = p.ValidFrom, ValidUntil = p.ValidUntil,
        EndedOn = p.EndedOn, Status = p.Status,
    });

    public IQueryable<IssuedHouseholdPermit> HouseholdPermits => db.Set<HouseholdPermit>().AsNoTracking().Select(p => new IssuedHouseholdPermit
    {
        Number = p.Number, RegionCode = p.RegionCode, WorkerCitizenship = p.WorkerCitizenship, ValidFrom = p.ValidFrom, ValidUntil = p.ValidUntil,
    });
}
