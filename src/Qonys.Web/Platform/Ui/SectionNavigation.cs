namespace Qonys.Web.Platform.Ui;

/// <summary>
/// The sub-navigation of each section, assembled from the links modules register (<see cref="UiSetup.AddSectionLink"/>),
/// so that a section spanning several modules (the analytical centre: Demography and Forecasts) has one menu that no
/// module owns. Pages show it with <c>&lt;partial name="/Platform/Ui/_SectionNav.cshtml" model='"section"' /&gt;</c>.
/// </summary>
internal sealed class SectionNavigation(IEnumerable<SectionLink> links)
{
    readonly ILookup<string, SectionLink> _sections =
        links.Distinct().OrderBy(l => l.Place).ToLookup(l => l.Section, StringComparer.Ordinal);

    public IEnumerable<SectionLink> For(string section) => _sections[section];

    public IEnumerable<SectionLink> All => _sections.SelectMany(s => s);
}
