using Microsoft.EntityFrameworkCore;
using Qonys.Web.Modules.Permits.Domain;
using Qonys.Web.Modules.Registry.Contracts;
using Qonys.Web.Modules.Support.Contracts;

namespace Qonys.Web.Modules.Permits.Access;

/// <summary>
/// A permit application as an online-support case: seen by whoever <see cref="PermitApplicationAccess"/> lets read the
/// application; written in by whoever it lets converse, the employer's accounts on the applicant's side and the
/// officers (and administrators) on the other. The officers notified are those of the application's region.
/// </summary>
internal sealed class PermitApplicationSupportCase(AppDb db, PermitApplicationAccess access, IEmployerDirectory employers) : ISupportCaseKind
{
    public const string CaseKind = "permit-application";

    public string Kind => CaseKind;

    public async Task<SupportCase?> FindAsync(Actor actor, string caseId, CancellationToken ct)
    {
        var application = await LoadAsync(caseId, ct);
        if (application is null || !access.Allows(actor, PermitApplicationOperations.Read, application)) return null;
        SupportSide? side = !access.Allows(actor, PermitApplicationOperations.Converse, application) ? null
            : actor.Role == Roles.Employer ? SupportSide.Applicant : SupportSide.Officer;
        var names = await employers.NamesAsync([application.EmployerBin], ct);
        var title = names.GetValueOrDefault(application.EmployerBin, application.EmployerBin) + " · " +
                    application.SubmittedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return new SupportCase(CaseKind, application.Id.ToString(), title, "/permits/applications/" + application.Id, side);
    }

    public async Task<IReadOnlyList<Guid>> AccountsAsync(string caseId, SupportSide side, CancellationToken ct)
    {
        var application = await LoadAsync(caseId, ct);
        if (application is null) return [];
        var users = db.Set<AppUser>().AsNoTracking();
        users = side == SupportSide.Applicant
            ? users.Where(u => u.Role == Roles.Employer && u.EmployerBin == application.EmployerBin)
            : users.Where(u => u.Role == Roles.Officer && u.RegionCode == application.RegionCode);
        return await users.Select(u => u.Id).ToListAsync(ct);
    }

    async Task<PermitApplication?> LoadAsync(string caseId, CancellationToken ct) =>
        Guid.TryParse(caseId, out var id) ? await db.Set<PermitApplication>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct) : null;
}
