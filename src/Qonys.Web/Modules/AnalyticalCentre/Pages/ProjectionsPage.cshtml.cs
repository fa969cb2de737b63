using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Qonys.Engines.Demography;
using Qonys.Web.Modules.AnalyticalCentre.Domain;
using Qonys.Web.Modules.AnalyticalCentre.Projections;
using Qonys.Web.Modules.AnalyticalCentre.Scenarios;

namespace Qonys.Web.Modules.AnalyticalCentre.Pages;

/// <summary>
/// /analytics/projections: run a scenario (built-in or stored policy), follow a long run's progress, compare runs, and
/// see the selected run's totals, shares, animated pyramid and regional map, with CSV/Excel downloads.
/// </summary>
[Authorize(Policy = AnalyticalCentreModule.ProjectionsRead)]
internal sealed class ProjectionsPageModel(ProjectionRuns runs, ScenarioCatalogue scenarios) : SignedInPageModel
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public IReadOnlyList<ScenarioResponse> Scenarios { get; private set; } = [];
    public IReadOnlyList<ProjectionSummary> Recent { get; private set; } = [];
    public ProjectionResponse? Selected { get; private set; }
    public IReadOnlyList<Guid> Compared { get; private set; } = [];
    public IDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();
    public bool CanRun { get; private set; }
    /// <summary>Everything the charts draw, as JSON for the page script.</summary>
    public string ChartData { get; private set; } = "{}";

    [BindProperty] public string Scenario { get; set; } = "baseline";
    [BindProperty] public int HorizonYear { get; set; } = 2050;
    [BindProperty] public int Trajectories { get; set; }
    [BindProperty] public string Regions { get; set; } = ProjectionCoverage.All;

    public static IReadOnlyList<int> Horizons { get; } = [2030, 2035, 2040, 2045, 2050];

    public async Task OnGetAsync(Guid? run, Guid[]? compare, string? scenario, CancellationToken ct)
    {
        await LoadAsync(run, compare ?? [], ct);
        // The form starts from the run on show, so "run it again with more trajectories" is one change away.
        if (Selected is not null)
        {
            Scenario = Selected.Scenario;
            HorizonYear = Selected.HorizonYear;
            Regions = Selected.Regions;
        }
        if (scenario is not null) Scenario = scenario;
    }

    public async Task<IActionResult> OnPostRunAsync(CancellationToken ct)
    {
        if (!Actor.Can(AnalyticalCentreModule.ProjectionsRun)) return Forbid();
        var result = await runs.StartAsync(
            Actor, new ProjectionRequest(Scenario, HorizonYear, Regions, Trajectories, null), ct);
        if (result.Succeeded) return RedirectToPage(null, new { run = result.Value!.Id });
        Errors = result.Errors?.ToDictionary() ?? new Dictionary<string, string[]> { ["body"] = [result.Detail ?? ""] };
        await LoadAsync(null, [], ct);
        return Page();
    }

    async Task LoadAsync(Guid? run, Guid[] compare, CancellationToken ct)
    {
        CanRun = Actor.Can(AnalyticalCentreModule.ProjectionsRun);
        Scenarios = (await scenarios.ListAsync(1, 500, ct)).Value!.Items;
        Recent = (await runs.ListAsync(1, 20, ct)).Value!.Items;
        var selectedId = run ?? Recent.FirstOrDefault(r => r.Status == ProjectionStatus.Done)?.Id;
        if (selectedId is { } id && (await runs.GetAsync(id, ct)).Value is { } selected) Selected = selected;
        Compared = compare.Where(c => c != Selected?.Id).Distinct().Take(5).ToList();

        var comparedRuns = new List<object>();
        foreach (var c in Compared)
            if ((await runs.GetAsync(c, ct)).Value is { Status: ProjectionStatus.Done } other)
                comparedRuns.Add(new { other.Id, Label = Label(other), Series = National(other) });

        object? pyramid = null;
        if (Selected is { Status: ProjectionStatus.Done })
            pyramid = (await runs.PyramidAsync(Selected.Id, RegionalInputs.Country, null, "five", ct)).Value;
        ChartData = JsonSerializer.Serialize(new
        {
            run = Selected is null ? null : new
            {
                Selected.Id, Selected.Status, Selected.Progress, Selected.HorizonYear, Selected.BaseYear,
                Selected.Trajectories,
                Selected.Regions, Label = Label(Selected), StatusUrl = ProjectionRuns.StatusUrl(Selected.Id),
            },
            series = Selected is null ? [] : National(Selected),
            regional = Selected is null ? [] : RegionalChange(Selected),
            pyramid,
            compare = comparedRuns,
        }, Json);
    }

    public static string Label(ProjectionResponse r) =>
        $"{r.ScenarioName} · {r.HorizonYear}" + (r.Trajectories > 0 ? $" · {r.Trajectories} traj." : "");

    static IReadOnlyList<SeriesPoint> National(ProjectionResponse r) =>
        r.Series.Where(s => s.RegionCode == RegionalInputs.Country).ToList();

    /// <summary>Per region: population in the base year and at the horizon, and the change in per cent.</summary>
    public static IReadOnlyList<RegionalChangeRow> RegionalChange(ProjectionResponse r) => r.Series
        .Where(s => s.RegionCode != RegionalInputs.Country)
        .GroupBy(s => s.RegionCode)
        .Select(g =>
        {
            var first = g.MinBy(s => s.Year)!;
            var last = g.MaxBy(s => s.Year)!;
            return new RegionalChangeRow(g.Key, first.Total, last.Total,
                Math.Round((last.Total / first.Total - 1) * 100, 1));
        })
        .OrderBy(c => c.RegionCode, StringComparer.Ordinal)
        .ToList();
}

internal sealed record RegionalChangeRow(string RegionCode, double BaseTotal, double HorizonTotal, double ChangePct);
