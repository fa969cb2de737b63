using Microsoft.EntityFrameworkCore;
using Qonys.Web.Modules.Compliance.Domain;
using Qonys.Web.Modules.Registry.Contracts;

namespace Qonys.Web.Modules.Compliance.EmploymentContracts;

internal sealed record EmploymentContractResponse(string ContractId, string EmployerBin, string? WorkerIin, WorkerPassport? WorkerPassport,
    string Position, string OccupationCode, long MonthlySalaryKzt, DateOnly StartOn, DateOnly? EndOn, string WorkRegionCode,
    DateOnly? TerminatedOn, string Source);

/// <summary>
/// <c>GET /api/v1/employment-contracts?employerBin=</c>: the register's contracts, newest start first. An inspector
/// sees the contracts worked in the inspector's region; analysts and administrators every one. The read of workers'
/// identities is audited.
/// </summary>
internal sealed class EmploymentContractList(AppDb db, AuditLog audit)
{
    public async Task<UseCaseResult<PagedList<EmploymentContractResponse>>> ListAsync(Actor actor, string? employerBin, int? page, int? pageSize,
        CancellationToken ct)
    {
        if (employerBin is not null && IdentificationNumbers.Problem(employerBin) is { } problem)
            return UseCaseResult<PagedList<EmploymentContractResponse>>.Invalid("employerBin", problem);
        var (p, size) = Paging.Normalise(page, pageSize);
        var query = db.Set<EmploymentContract>().AsNoTracking();
        if (employerBin is not null) query = query.Where(c => c.EmployerBin == employerBin);
        if (actor.Role == Roles.Inspector) query = query.Where(c => c.WorkRegionCode == actor.RegionCode);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(c => c.StartOn).ThenBy(c => c.ContractId).Skip((p - 1) * size).Take(size).ToListAsync(ct);
        await audit.RecordNowAsync(actor, ComplianceAuditEvents.ContractsRead, "employment_contracts", employerBin,
            new { count = rows.Count }, ct);
        return UseCaseResult<PagedList<EmploymentContractResponse>>.Ok(new PagedList<EmploymentContractResponse>(rows.Select(c =>
            new EmploymentContractResponse(c.ContractId, c.EmployerBin, c.WorkerIin,
                c.WorkerPassportNumber is null ? null : new WorkerPassport(c.WorkerPassportNumber, c.WorkerPassportCountry),
                c.Position, c.OccupationCode, c.MonthlySalaryKzt, c.StartOn, c.EndOn, c.WorkRegionCode, c.TerminatedOn, c.Source)).ToList(),
            total, p, size));
    }
}
