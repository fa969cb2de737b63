using Microsoft.EntityFrameworkCore;
using Qonys.Web.Modules.Permits.Domain;
using Qonys.Web.Modules.Registry.Contracts;

namespace Qonys.Web.Modules.Permits.SubmitApplication;

/// <summary>What the application form offers, in the classifiers' order, and the applying employer's own defaults.</summary>
internal sealed record ApplicationChoices(IReadOnlyList<Choice> Regions, IReadOnlyList<Choice> Occupations, IReadOnlyList<Choice> OkedSections,
    IReadOnlyList<Choice> Countries, IReadOnlyList<string> Categories, IReadOnlyList<string> EducationLevels,
    string? EmployerBin, string? EmployerName, string? EmployerRegionCode, string? EmployerOkedSection);

/// <summary>The reference lists of the permit application form: regions, occupation unit groups, OKED sections, countries.</summary>
internal sealed class ApplicationFormChoices(AppDb db, ReferenceData refs, IEmployerDirectory employers)
{
    public async Task<ApplicationChoices> ForAsync(Actor actor, CancellationToken ct)
    {
        var regions = (await refs.RegionsAsync(ct)).Select(r => new Choice(r.Code, r.Name)).ToList();
        var occupations = (await db.Set<Occupation>().AsNoTracking().Where(o => o.Level == "unit").OrderBy(o => o.Code).ToListAsync(ct))
            .Select(o => new Choice(o.Code, o.Name)).ToList();
        var sections = (await refs.OkedSectionsAsync(ct)).OrderBy(o => o.Code, StringComparer.Ordinal)
            .Select(o => new Choice(o.Code, o.Name)).ToList();
        var countries = (await refs.CountriesAsync(ct)).Where(c => c.Alpha2 != "KZ").OrderBy(c => c.NameEn, StringComparer.Ordinal)
            .Select(c => new Choice(c.Alpha2, c.Name)).ToList();
        var employer = actor.EmployerBin is null ? null : await employers.FindAsync(actor.EmployerBin, ct);
        return new ApplicationChoices(regions, occupations, sections, countries, PermitCategory.All, PermitRules.EducationLevels,
            employer?.Bin ?? actor.EmployerBin, employer?.Name, employer?.RegionCode, employer?.OkedSection);
    }

    /// <summary>The regions alone (quota page, queue filter).</summary>
    public async Task<IReadOnlyList<Choice>> RegionsAsync(CancellationToken ct) =>
        (await refs.RegionsAsync(ct)).Select(r => new Choice(r.Code, r.Name)).ToList();
}
