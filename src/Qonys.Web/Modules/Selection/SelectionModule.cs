using Qonys.Web.Modules.Selection.AtaZholy;
using Qonys.Web.Modules.Selection.Candidates;
using Qonys.Web.Modules.Selection.Data;
using Qonys.Web.Modules.Selection.Rounds;
using Qonys.Web.Modules.Selection.Scorecards;

namespace Qonys.Web.Modules.Selection;

/// <summary>Skilled-migrant selection on the scorecard engine: stored scorecards, the candidate pool, invitation rounds,
/// what-if of drafts, and the Ata Zholy card (PRODUCT.md §2.4; docs/scoring.md "Web and API").</summary>
internal sealed class SelectionModule : IModule
{
    public const string ScorecardsRead = "selection.scorecards.read";
    public const string ScorecardsEdit = "selection.scorecards.edit";
    public const string ScorecardsPublish = "selection.scorecards.publish";
    public const string WhatIfRun = "selection.what_if.run";
    public const string CandidatesRegister = "selection.candidates.register";
    public const string CandidatesRead = "selection.candidates.read";
    public const string RoundsRun = "selection.rounds.run";
    public const string AtaZholyApply = "selection.ata_zholy.apply";
    public const string AtaZholyRead = "selection.ata_zholy.read";

    public void AddServices(IServiceCollection services, QonysOptions options)
    {
        services.AddPermission(ScorecardsRead, Roles.All.Where(r => r != Roles.IntegrationClient).ToArray());
        services.AddPermission(ScorecardsEdit, Roles.Administrator);
        services.AddPermission(ScorecardsPublish, Roles.Administrator);
        services.AddPermission(WhatIfRun, Roles.Administrator, Roles.Analyst);
        // Migrants register their own profile; officers (acting as the registering agency) and administrators register others.
        services.AddPermission(CandidatesRegister, Roles.Migrant, Roles.Officer, Roles.Administrator);
        services.AddPermission(CandidatesRead, Roles.Migrant, Roles.Officer, Roles.Administrator);
        services.AddPermission(RoundsRun, Roles.Administrator);
        services.AddPermission(AtaZholyApply, Roles.Migrant, Roles.Officer, Roles.Administrator);
        // Every person may ask for an application by its id: one that is not theirs is 404 (AtaZholyCards.GetAsync), as for any record.
        services.AddPermission(AtaZholyRead, Roles.All.Where(r => r != Roles.IntegrationClient).ToArray());
        services.AddNavigationEntry("/selection/profile", "nav.selection.profile", CandidatesRegister);
        services.AddNavigationEntry("/selection/scorecards", "nav.selection.scorecards", ScorecardsRead);
        services.AddNavigationEntry("/selection/rounds", "nav.selection.rounds", ScorecardsRead);
        services.AddScoped<CandidatePool>();
        services.AddScoped<ScorecardBook>();
        services.AddScoped<ScorecardEditing>();
        services.AddScoped<WhatIf>();
        services.AddScoped<RoundOrders>();
        services.AddScoped<RunRound>();
        services.AddScoped<RoundQueries>();
        services.AddScoped<CandidateProfiles>();
        services.AddScoped<AtaZholyCards>();
        services.AddScoped<SelectionReference>();
        services.AddScoped<Platform.Demo.IDemoDataContributor, Demo.SelectionDemoPool>();
        services.AddHostedService<SelectionReferenceLoading>();
    }

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapSelectionApi();
}
