using Microsoft.EntityFrameworkCore;
using Qonys.Web.Modules.Selection.Domain;
using Qonys.Web.Modules.Selection.Scorecards;

namespace Qonys.Web.Modules.Selection.Data;

/// <summary>
/// The selection module's reference data, loaded at every start in every mode (after migrations): the four shipped
/// scorecards as published version 1, and the lists below into an empty selection_list_entries table. The lists are
/// the product team's illustrative proposal (docs/scoring.md, "Web and API"), editable as data; not taken from a
/// legal act.
/// </summary>
internal sealed class SelectionReference(AppDb db, ScorecardEditing editing)
{
    const string Illustrative = "illustrative (u): product proposal, to be confirmed by the ministry";

    static readonly (string List, string Entry, decimal? Value, string Note)[] Entries =
    [
        // Northern and eastern regions that receive internal resettlers because their working-age population falls.
        (SelectionLists.LabourDeficitRegions, "KZ-10", null, "Abai Region; " + Illustrative),
        (SelectionLists.LabourDeficitRegions, "KZ-11", null, "Akmola Region; " + Illustrative),
        (SelectionLists.LabourDeficitRegions, "KZ-35", null, "Karaganda Region; " + Illustrative),
        (SelectionLists.LabourDeficitRegions, "KZ-39", null, "Kostanay Region; " + Illustrative),
        (SelectionLists.LabourDeficitRegions, "KZ-55", null, "Pavlodar Region; " + Illustrative),
        (SelectionLists.LabourDeficitRegions, "KZ-59", null, "North Kazakhstan Region; " + Illustrative),
        (SelectionLists.LabourDeficitRegions, "KZ-62", null, "Ulytau Region; " + Illustrative),
        (SelectionLists.LabourDeficitRegions, "KZ-63", null, "East Kazakhstan Region; " + Illustrative),
        (SelectionLists.AtaZholySimplifiedCitizenship, "physician", null, Illustrative),
        (SelectionLists.AtaZholySimplifiedCitizenship, "engineer", null, Illustrative),
        (SelectionLists.AtaZholySimplifiedCitizenship, "scientist", null, Illustrative),
        (SelectionLists.AtaZholySimplifiedCitizenship, "university teacher", null, Illustrative),
        (SelectionLists.AtaZholySimplifiedCitizenship, "software developer", null, Illustrative),
        (SelectionLists.AtaZholyPermanentResidence, "nurse", null, Illustrative),
        (SelectionLists.AtaZholyPermanentResidence, "welder", null, Illustrative),
        (SelectionLists.AtaZholyPermanentResidence, "electrician", null, Illustrative),
        (SelectionLists.AtaZholyPermanentResidence, "mining engineer", null, Illustrative),
        (SelectionLists.AtaZholyPermanentResidence, "agronomist", null, Illustrative),
        (SelectionLists.AtaZholyPermanentResidence, "veterinarian", null, Illustrative),
        (SelectionLists.AtaZholyTerms, "min_years_operating", 3m, "an operating business abroad for at least this many years; " + Illustrative),
        (SelectionLists.AtaZholyTerms, "min_annual_turnover_usd", 500_000m, "annual turnover of that business, USD; " + Illustrative),
        (SelectionLists.AtaZholyTerms, "card_term_years", 10m, "card term (the law allows up to 10 years)"),
    ];

    public async Task SeedAsync(CancellationToken ct)
    {
        await editing.SeedShippedAsync(ct);
        if (await db.Set<SelectionListEntry>().AnyAsync(ct)) return;
        db.AddRange(Entries.Select(e => new SelectionListEntry { List = e.List, Entry = e.Entry, Value = e.Value, Note = e.Note }));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear(); // another node loaded them at the same moment
        }
    }
}

/// <summary>Runs <see cref="SelectionReference"/> when the host starts (after the migrations of <c>QonysApp.PrepareAsync</c>).</summary>
internal sealed class SelectionReferenceLoading(IServiceScopeFactory scopes) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        await scope.ServiceProvider.GetRequiredService<SelectionReference>().SeedAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
