using Microsoft.EntityFrameworkCore;
using Qonys.Web.Modules.Permits.ChangePermits;
using Qonys.Web.Modules.Permits.Domain;
using Qonys.Web.Modules.Registry.Domain;

namespace Qonys.Web.Modules.Permits.ViewPermits;

/// <summary>Permits by employer or number within the caller's scope, and the public verification that shows no personal data.</summary>
public sealed class PermitQueries(AppDb db, PermitScope scope, TimeProvider clock)
{
    public async Task<UseCaseResult<PagedList<PermitResponse>>> ListAsync(Actor actor, string? employerBin, int? page, int? pageSize, CancellationToken ct)
    {
        var (p, size) = Paging.Normalise(page, pageSize);
        var q = db.Set<Permit>().AsNoTracking();
        if (actor.Role == Roles.Employer)
        {
            if (employerBin is not null && employerBin != actor.EmployerBin) return UseCaseResult<PagedList<PermitResponse>>.Ok(new([], 0, p, size));
            q = q.Where(x => x.EmployerBin == actor.EmployerBin);
        }
        else if (employerBin is not null) q = q.Where(x => x.EmployerBin == employerBin);
        if (Roles.IsRegional(actor.Role)) q = q.Where(x => x.RegionCode == actor.RegionCode);
        var total = await q.CountAsync(ct);
        var items = await q.OrderByDescending(x => x.IssuedOn).ThenBy(x => x.Number).Skip((p - 1) * size).Take(size).ToListAsync(ct);
        return UseCaseResult<PagedList<PermitResponse>>.Ok(new(items.Select(PermitResponse.From).ToList(), total, p, size));
    }

    public async Task<UseCaseResult<PermitResponse>> GetAsync(Actor actor, string number, CancellationToken ct)
    {
        var permit = await scope.PermitAsync(actor, number, ct);
        return permit is null ? UseCaseResult<PermitResponse>.NotFound() : UseCaseResult<PermitResponse>.Ok(PermitResponse.From(permit));
    }

    public async Task<UseCaseResult<PermitVerification>> VerifyAsync(string number, CancellationToken ct)
    {
        var found = await (from permit in db.Set<Permit>().AsNoTracking()
                           join employer in db.Set<Employer>().AsNoTracking() on permit.EmployerBin equals employer.Bin
                           where permit.Number == number
                           select new { permit, employer.Name }).FirstOrDefaultAsync(ct);
        if (found is null) return UseCaseResult<PermitVerification>.NotFound();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var p = found.permit;
        return UseCaseResult<PermitVerification>.Ok(new PermitVerification(p.IsValidOn(today), p.Status, p.Category, p.ValidFrom,
            p.ValidUntil, found.Name, p.RegionCode, p.OccupationCode));
    }
}
