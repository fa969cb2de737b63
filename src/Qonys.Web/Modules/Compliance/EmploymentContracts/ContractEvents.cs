using Microsoft.EntityFrameworkCore;
using Qonys.Web.Modules.Compliance.Domain;
using Qonys.Web.Modules.Integration.Contracts;
using Qonys.Web.Modules.Registry.Contracts;

namespace Qonys.Web.Modules.Compliance.EmploymentContracts;

/// <summary>A worker's passport as the employment-contract register names it.</summary>
internal sealed record WorkerPassport(string? Number, string? Country);

/// <summary>
/// The payload of <c>contract_registered</c> and <c>contract_terminated</c> (API.md "Compliance"); a termination may
/// say its day in <c>terminatedOn</c>, else it is the contract's <c>endOn</c>, else the day the event occurred.
/// </summary>
internal sealed record ContractPayload(string? ContractId, string? EmployerBin, string? WorkerIin, WorkerPassport? WorkerPassport,
    string? Position, string? OccupationCode, long? MonthlySalaryKzt, DateOnly? StartOn, DateOnly? EndOn, string? WorkRegionCode,
    DateOnly? TerminatedOn = null);

/// <summary>
/// The employment-contract register's events into <c>compliance_employment_contracts</c>, keyed by the register's
/// contract id: a registration adds or corrects the row, a termination sets its day (and adds the row when the
/// registration never arrived, from the same payload). The import command writes the same rows.
/// </summary>
internal abstract class ContractEventHandler(AppDb db, ReferenceData refs, AuditLog audit, TimeProvider clock, bool termination)
    : IInboundEventHandler<ContractPayload>
{
    const long MaxSalaryKzt = 100_000_000_000;

    public async Task<ValidationErrors> ValidateAsync(ContractPayload p, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(p.ContractId)) errors.Add("contractId", "is required");
        else if (p.ContractId.Length > 64) errors.Add("contractId", "must be at most 64 characters");
        if (IdentificationNumbers.Problem(p.EmployerBin) is { } bin) errors.Add("employerBin", bin);
        if (p.WorkerIin is not null && IdentificationNumbers.Problem(p.WorkerIin) is { } iin) errors.Add("workerIin", iin);
        if (p.WorkerIin is null && p.WorkerPassport is null) errors.Add("workerIin", "is required when workerPassport is not given");
        if (p.WorkerPassport is { } passport)
        {
            if (string.IsNullOrWhiteSpace(passport.Number)) errors.Add("workerPassport.number", "is required");
            else if (passport.Number.Length > 20) errors.Add("workerPassport.number", "must be at most 20 characters");
            if (passport.Country is not { Length: 2 } || await refs.CountryAsync(passport.Country, ct) is null)
                errors.Add("workerPassport.country", "is not an ISO 3166-1 alpha-2 code of the reference data");
        }
        if (string.IsNullOrWhiteSpace(p.Position)) errors.Add("position", "is required");
        else if (p.Position.Length > 200) errors.Add("position", "must be at most 200 characters");
        if (string.IsNullOrWhiteSpace(p.OccupationCode)) errors.Add("occupationCode", "is required");
        else if (p.OccupationCode.Length > 8 || await refs.OccupationAsync(p.OccupationCode, ct) is null)
            errors.Add("occupationCode", "is not a code of the occupations classifier");
        if (p.MonthlySalaryKzt is not { } salary) errors.Add("monthlySalaryKzt", "is required");
        else if (salary is < 0 or > MaxSalaryKzt) errors.Add("monthlySalaryKzt", $"must be between 0 and {MaxSalaryKzt}");
        if (p.StartOn is null) errors.Add("startOn", "is required (YYYY-MM-DD)");
        if (p.EndOn is { } end && p.StartOn is { } start && end < start) errors.Add("endOn", "must not be before startOn");
        if (p.TerminatedOn is { } t && p.StartOn is { } s && t < s) errors.Add("terminatedOn", "must not be before startOn");
        if (string.IsNullOrWhiteSpace(p.WorkRegionCode)) errors.Add("workRegionCode", "is required");
        else if (!await refs.RegionExistsAsync(p.WorkRegionCode, ct)) errors.Add("workRegionCode", "is not a region code of the reference data");
        return errors;
    }

    public async Task<InboundOutcome> ApplyAsync(InboundEvent<ContractPayload> e, CancellationToken ct)
    {
        var p = e.Payload;
        var contract = await db.Set<EmploymentContract>().FirstOrDefaultAsync(c => c.ContractId == p.ContractId, ct);
        if (contract is null) db.Add(contract = new EmploymentContract { ContractId = p.ContractId!.Trim() });
        contract.EmployerBin = p.EmployerBin!;
        contract.WorkerIin = p.WorkerIin;
        contract.WorkerPassportNumber = p.WorkerPassport?.Number?.Trim();
        contract.WorkerPassportCountry = p.WorkerPassport?.Country;
        contract.Position = p.Position!.Trim();
        contract.OccupationCode = p.OccupationCode!;
        contract.MonthlySalaryKzt = p.MonthlySalaryKzt!.Value;
        contract.StartOn = p.StartOn!.Value;
        contract.EndOn = p.EndOn;
        contract.WorkRegionCode = p.WorkRegionCode!;
        if (termination) contract.TerminatedOn = p.TerminatedOn ?? p.EndOn ?? DateOnly.FromDateTime(e.OccurredAt.UtcDateTime);
        contract.Source = "event:" + e.EventId;
        contract.RecordedAt = clock.GetUtcNow();
        audit.Record(e.Actor, ComplianceAuditEvents.ContractRecorded, "employment_contract", contract.ContractId,
            new { eventId = e.EventId, type = e.Type, contract.EmployerBin, contract.TerminatedOn });
        return InboundOutcome.Done;
    }
}

internal sealed class ContractRegisteredHandler(AppDb db, ReferenceData refs, AuditLog audit, TimeProvider clock)
    : ContractEventHandler(db, refs, audit, clock, termination: false);

internal sealed class ContractTerminatedHandler(AppDb db, ReferenceData refs, AuditLog audit, TimeProvider clock)
    : ContractEventHandler(db, refs, audit, clock, termination: true);
