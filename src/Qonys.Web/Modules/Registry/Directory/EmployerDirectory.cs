using Microsoft.EntityFrameworkCore;
using Qonys.Web.Modules.Registry.Contracts;
using Qonys.Web.Modules.Registry.Domain;

namespace Qonys.Web.Modules.Registry.Directory;

/// <summary>The registry's door to its organisations (<see cref="IEmployerDirectory"/>).</summary>
internal sealed class EmployerDirectory(AppDb db) : IEmployerDirectory
{
    public async Task<EmployerFacts?> FindAsync(string bin, CancellationToken ct) =>
        await db.Set<Employer>().AsNoTracking().FirstOrDefaultAsync(e => e.Bin == bin, ct) is { } e ? FactsOf(e) : null;

    public async Task<IReadOnlyDictionary<string, string>> NamesAsync(IReadOnlyCollection<string> bins, CancellationToken ct) =>
        bins.Count == 0
            ? new Dictionary<string, string>()
            : await db.Set<Employer>().AsNoTracking().Where(e => bins.Contains(e.Bin)).ToDictionaryAsync(e => e.Bin, e => e.Name, ct);

    static EmployerFacts FactsOf(Employer e) => new(e.Bin, e.Name, e.RegionCode, e.OkedSection,
        [e.Citizens.Cat1, e.Citizens.Cat2, e.Citizens.Cat3, e.Citizens.Cat4],
        [e.Foreigners.Cat1, e.Foreigners.Cat2, e.Foreigners.Cat3, e.Foreigners.Cat4], e.IsSmallBusiness, e.IsBranchOffice);
}
