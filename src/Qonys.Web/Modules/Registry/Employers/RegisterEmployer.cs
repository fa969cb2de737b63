using Microsoft.EntityFrameworkCore;
using Qonys.Web.Modules.Registry.Domain;

namespace Qonys.Web.Modules.Registry.Employers;

/// <summary>
/// Registers an organisation. Administrators register any; an officer only in its own region; an employer account
/// only its own organisation (an account not yet tied to a BIN becomes tied to the one it registers).
/// </summary>
internal sealed class RegisterEmployer(AppDb db, ReferenceData refs, EmployerAccess access, AuditLog audit, TimeProvider clock)
{
    static readonly string[] Categories = ["1", "2", "3", "4"];

    public async Task<UseCaseResult<EmployerResponse>> HandleAsync(Actor actor, EmployerRequest request, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        EmployerRules.Check(errors, request.Bin, request.Name, request.RegionCode, request.OkedSection, await refs.SnapshotAsync(ct));
        var citizens = ReadStaff(request.Staff?.Citizens, "staff.citizens", errors);
        var foreigners = ReadStaff(request.Staff?.Foreigners, "staff.foreigners", errors);
        if (errors.Any) return UseCaseResult<EmployerResponse>.Invalid(errors);

        var candidate = new Employer { Bin = request.Bin!, RegionCode = request.RegionCode! };
        if (actor.Role == Roles.Officer && !access.Allows(actor, EmployerOperations.Register, candidate))
            return UseCaseResult<EmployerResponse>.Forbidden($"An officer registers employers of region {actor.RegionCode} only.");
        // The account as it is now, not the token's snapshot: a token issued before the account registered its
        // organisation has no organisation claim, and must not register a second one; an account not yet tied to an
        // organisation registers the one it names.
        var account = actor.Role == Roles.Employer ? await db.Set<AppUser>().FirstAsync(u => u.Id == actor.UserId, ct) : null;
        var registrar = account is null ? actor : actor with { EmployerBin = account.EmployerBin ?? request.Bin };
        if (!access.Allows(registrar, EmployerOperations.Register, candidate))
            return UseCaseResult<EmployerResponse>.Forbidden(account is not null
                ? "An employer account registers its own organisation only."
                : "This role may not register employers.");

        if (await db.Set<Employer>().AnyAsync(e => e.Bin == request.Bin, ct))
            return UseCaseResult<EmployerResponse>.Conflict($"An employer with BIN {request.Bin} is already registered.");

        var now = clock.GetUtcNow().UtcDateTime;
        var employer = new Employer
        {
            Bin = request.Bin!, Name = request.Name!.Trim(), RegionCode = request.RegionCode!, OkedSection = request.OkedSection!,
            Citizens = citizens, Foreigners = foreigners, IsSmallBusiness = request.IsSmallBusiness ?? false,
            IsBranchOffice = request.IsBranchOffice ?? false, CreatedAt = now, UpdatedAt = now,
        };
        db.Add(employer);
        if (account is not null && account.EmployerBin is null) account.EmployerBin = employer.Bin;
        audit.Record(actor, PlatformAuditEvents.EmployerRegistered, "employer", employer.Bin,
            new { employer.Name, employer.RegionCode, employer.OkedSection, citizens = citizens.Total, foreigners = foreigners.Total });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (await db.Set<Employer>().AnyAsync(e => e.Bin == employer.Bin, ct))
                return UseCaseResult<EmployerResponse>.Conflict($"An employer with BIN {request.Bin} is already registered.");
            throw;
        }
        return UseCaseResult<EmployerResponse>.Created(EmployerResponse.From(employer));
    }

    static StaffCounts ReadStaff(Dictionary<string, int?>? counts, string field, ValidationErrors errors)
    {
        var staff = new StaffCounts();
        if (counts is null) return staff;
        foreach (var (key, value) in counts)
        {
            if (!Categories.Contains(key)) { errors.Add($"{field}.{key}", "is not a staff category (1, 2, 3 or 4)"); continue; }
            if (value is null or < 0) { errors.Add($"{field}.{key}", "must be a whole number, zero or more"); continue; }
            if (value > 1_000_000) { errors.Add($"{field}.{key}", "must be at most 1,000,000"); continue; }
            switch (key)
            {
                case "1": staff.Cat1 = value.Value; break;
                case "2": staff.Cat2 = value.Value; break;
                case "3": staff.Cat3 = value.Value; break;
                default: staff.Cat4 = value.Value; break;
            }
        }
        return staff;
    }
}
