using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Qonys.Engines.Demography;
using Region = Qonys.Engines.Demography.Region;
using Qonys.Web.Modules.AnalyticalCentre.Projections;
using Qonys.Web.Modules.AnalyticalCentre.Scenarios;

namespace Qonys.Web.Modules.AnalyticalCentre.Pages;

/// <summary>
/// /analytics/scenarios: the built-in and stored scenarios, and a form for a policy scenario: N families a year
/// resettled from one region to another (adults 25–39 and children 0–14 split evenly by sex) and, optionally, an
/// additional foreign-labour intake in a region. The same validation as the API applies.
/// </summary>
[Authorize(Policy = AnalyticalCentreModule.ScenariosManage)]
internal sealed class ScenariosPageModel(ScenarioCatalogue catalogue, DemographyInputs inputs) : SignedInPageModel
{
    public IReadOnlyList<ScenarioResponse> Scenarios { get; private set; } = [];
    public IReadOnlyList<Region> Regions { get; private set; } = [];
    public IDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    [BindProperty] public ScenarioForm Form { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await catalogue.CreateAsync(Actor, Form.ToDefinition(), ct);
        if (result.Succeeded) return Redirect($"/analytics/projections?scenario={result.Value!.Key}");
        Errors = result.Errors?.ToDictionary() ?? new Dictionary<string, string[]>();
        await LoadAsync(ct);
        return Page();
    }

    async Task LoadAsync(CancellationToken ct)
    {
        Scenarios = (await catalogue.ListAsync(1, 500, ct)).Value!.Items;
        Regions = inputs.Regional.Regions;
    }
}

/// <summary>The scenario form's fields; <see cref="ToDefinition"/> builds the engine's scenario from them.</summary>
internal sealed class ScenarioForm
{
    public string Name { get; set; } = "";
    public FertilityVariant Fertility { get; set; } = FertilityVariant.Medium;
    public bool InternationalMigration { get; set; } = true;
    public bool InterRegionalMigration { get; set; } = true;
    public string FromRegion { get; set; } = "KZ-61";
    public string ToRegion { get; set; } = "KZ-59";
    public double FamiliesPerYear { get; set; } = 1000;
    public double AdultsPerFamily { get; set; } = 2;
    public double ChildrenPerFamily { get; set; } = 2;
    public int FirstYear { get; set; } = 2026;
    public int LastYear { get; set; } = 2035;
    public string? IntakeRegion { get; set; }
    public double IntakePersonsPerYear { get; set; }
    public double IntakeMaleShare { get; set; } = 0.8;

    public ScenarioDefinition ToDefinition()
    {
        var resettlements = new List<Resettlement>();
        if (FamiliesPerYear != 0)
            resettlements.Add(new Resettlement(FromRegion, ToRegion, FamiliesPerYear, FirstYear, LastYear,
            [
                new FamilyMember(Sex.Male, 25, 39, AdultsPerFamily / 2),
                new FamilyMember(Sex.Female, 25, 39, AdultsPerFamily / 2),
                new FamilyMember(Sex.Male, 0, 14, ChildrenPerFamily / 2),
                new FamilyMember(Sex.Female, 0, 14, ChildrenPerFamily / 2),
            ]));
        var intakes = new List<LabourIntake>();
        if (!string.IsNullOrWhiteSpace(IntakeRegion) && IntakePersonsPerYear != 0)
        {
            intakes.Add(
                new LabourIntake(IntakeRegion, IntakePersonsPerYear, 25, 44, IntakeMaleShare, FirstYear, LastYear));
        }
        return new ScenarioDefinition(Name, Fertility, 0, InternationalMigration, InterRegionalMigration, resettlements,
            intakes);
    }
}
