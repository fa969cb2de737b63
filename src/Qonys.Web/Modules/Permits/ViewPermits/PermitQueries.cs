using Microsoft.EntityFrameworkCore;
using Qonys.Web.Modules.Permits.Access;
using Qonys.Web.Modules.Permits.ChangePermits;
using Qonys.Web.Modules.Permits.Domain;
using Qonys.Web.Modules.Registry.Contracts;

namespace Qonys.Web.Modules.Permits.ViewPermits;

/// <summary>Permits by employer or number within the caller's scope, and the public verification that shows no personal data.</summary>
internal sealed class PermitQueries(AppDb db, PermitScope scope, PermitAccess access, IEmployerDirectory employers, TimeProvider clock)
{
    public async Task<UseCaseResult<PagedList<PermitResponse>>> ListAsync(Actor actor, string? employerBin, int? page, int? pageSize, CancellationToken ct)
    {
        var (p, size) = Paging.Normalise(page, pageSize);
        var q = db.Set<Permit>().AsNoTracking().Where(access.ScopeOf(actor, PermitOperations.Read));
        if (employerBin is not null) q = q.Where(x => x.EmployerBin == employerBin);
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
        var p = await db.Set<Permit>().AsNoTracking().FirstOrDefaultAsync(x => x.Number == number, ct);
        // A permit's employer is always registered (the application was checked against the registry).
        var employer = p is null ? null : await employers.FindAsync(p.EmployerBin, ct);
        if (p is null || employer is null) return UseCaseResult<PermitVerification>.NotFound();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return UseCaseResult<PermitVerification>.Ok(new PermitVerification(p.IsValidOn(today), p.Status, p.Category, p.ValidFrom,
            p.ValidUntil, employer.Name, p.RegionCode, p.OccupationCode));
    }
}
