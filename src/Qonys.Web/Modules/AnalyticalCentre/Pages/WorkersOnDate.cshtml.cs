using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Qonys.Web.Modules.AnalyticalCentre.Figures;

namespace Qonys.Web.Modules.AnalyticalCentre.Pages;

/// <summary>One breakdown of a total: rows of (code, name, count), largest first.</summary>
internal sealed record Breakdown(string By, IReadOnlyList<(string Code, string Name, int Count)> Rows);

/// <summary>
/// /analytics/foreign-workers: the module's dashboard on a date — foreign workers holding a valid employer permit by
/// category, citizenship, OKED section and region, the employers using foreign labour, and household labour immigrants
/// by citizenship and region. The same queries as the API (an officer sees the own region only).
/// </summary>
[Authorize(Policy = AnalyticalCentreModule.ForeignWorkersRead)]
internal sealed class WorkersOnDateModel(
    AnalyticsQueries queries, ReferenceData refs, TimeProvider clock, IStringLocalizer t) : SignedInPageModel
{
    [BindProperty(SupportsGet = true)] public string? Date { get; set; }

    public string? Problem { get; private set; }
    public int ForeignTotal { get; private set; }
    public int Employers { get; private set; }
    public IReadOnlyList<Breakdown> Foreign { get; private set; } = [];
    public int HouseholdTotal { get; private set; }
    public IReadOnlyList<Breakdown> Household { get; private set; } = [];
    public bool OwnRegionOnly { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        OwnRegionOnly = Roles.IsRegional(Actor.Role);
        Date ??= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)
            .ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var names = await NamesAsync(ct);

        var foreign = new List<Breakdown>();
        foreach (var by in AnalyticsQueries.WorkerBreakdowns)
        {
            var result = await queries.ForeignWorkersAsync(Actor, Date, by, ct);
            if (!result.Succeeded)
            {
                Problem = string.Join(" ",
                    result.Errors?.ToDictionary().SelectMany(e => e.Value) ?? [result.Detail ?? ""]);
                return;
            }
            ForeignTotal = result.Value!.Total;
            foreign.Add(Named(by, result.Value.Items, names));
        }
        Foreign = foreign;
        Employers = (await queries.EmployersUsingForeignLabourAsync(Actor, Date, ct)).Value!.Total;

        var household = new List<Breakdown>();
        foreach (var by in AnalyticsQueries.HouseholdWorkerBreakdowns)
        {
            var result = (await queries.HouseholdWorkersAsync(Actor, Date, by, ct)).Value!;
            HouseholdTotal = result.Total;
            household.Add(Named(by, result.Items, names));
        }
        Household = household;
    }

    /// <summary>Names of every code a breakdown can show, in the reader's language.</summary>
    async Task<Dictionary<string, Dictionary<string, string>>> NamesAsync(CancellationToken ct)
    {
        var culture = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var sections = await refs.OkedSectionsAsync(ct);
        var countries = await refs.CountriesAsync(ct);
        return new(StringComparer.Ordinal)
        {
            ["category"] = Modules.Permits.Contracts.PermitCategories.All
                .ToDictionary(c => c, c => t["permits.category." + c].Value, StringComparer.Ordinal),
            ["citizenship"] = countries.ToDictionary(c => c.Alpha2, c => c.Name.In(culture), StringComparer.Ordinal),
            ["okedSection"] = sections.ToDictionary(s => s.Code, s => s.Name.In(culture), StringComparer.Ordinal),
            ["region"] = (await refs.RegionsAsync(ct))
                .ToDictionary(r => r.Code, r => r.Name.In(culture), StringComparer.Ordinal),
        };
    }

    static Breakdown Named(
        string by, IReadOnlyList<CountItem> items, Dictionary<string, Dictionary<string, string>> names) =>
        new(by, items.Select(i => (i.Key, names[by].GetValueOrDefault(i.Key, i.Key), i.Count)).ToList());
}
