using Microsoft.EntityFrameworkCore;
using Qonys.Web.Modules.Registry.Domain;

namespace Qonys.Web.Modules.Registry.Employers;

/// <summary>Reads one employer within the caller's scope; out of scope is "not found".</summary>
internal sealed class GetEmployer(AppDb db, EmployerAccess access, AuditLog audit)
{
    public async Task<UseCaseResult<EmployerResponse>> HandleAsync(Actor actor, string bin, CancellationToken ct)
    {
        var employer = await db.Set<Employer>().AsNoTracking().FirstOrDefaultAsync(e => e.Bin == bin, ct);
        if (employer is null) return UseCaseResult<EmployerResponse>.NotFound();
        if (actor.Role == Roles.Employer && actor.EmployerBin is null) // token issued before the account registered its organisation
            actor = actor with { EmployerBin = await db.Set<AppUser>().Where(u => u.Id == actor.UserId).Select(u => u.EmployerBin).FirstOrDefaultAsync(ct) };
        if (!access.Allows(actor, EmployerOperations.Read, employer))
        {
            await audit.RecordNowAsync(actor, PlatformAuditEvents.RecordOutOfScope, "employer", bin, ct: ct);
            return UseCaseResult<EmployerResponse>.NotFound();
        }
        return UseCaseResult<EmployerResponse>.Ok(EmployerResponse.From(employer));
    }
}
