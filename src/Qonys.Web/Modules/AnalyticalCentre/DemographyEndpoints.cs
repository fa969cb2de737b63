using Microsoft.AspNetCore.Http.HttpResults;
using Qonys.Engines.Demography;
using Qonys.Web.Modules.AnalyticalCentre.Domain;
using Qonys.Web.Modules.AnalyticalCentre.Exports;
using Qonys.Web.Modules.AnalyticalCentre.LabourDeficit;
using Qonys.Web.Modules.AnalyticalCentre.Projections;
using Qonys.Web.Modules.AnalyticalCentre.Scenarios;
using Qonys.Web.Platform.OpenApi;
using static Qonys.Web.Modules.AnalyticalCentre.AnalyticalCentreModule;

namespace Qonys.Web.Modules.AnalyticalCentre;

/// <summary>
/// The demography API (docs/api.md "Analytical centre"): projection runs and their series, pyramids and exports,
/// stored policy scenarios, the region labour-deficit index.
/// </summary>
internal static class DemographyEndpoints
{
    const string DemographyTag = "Demography";

    public static void MapDemographyApi(this IEndpointRouteBuilder app)
    {
        var projections = app.MapGroup("/api/v1/demography/projections")
            .WithTag(DemographyTag, "Population projections by region, policy scenarios and the labour-deficit index.");
        projections.MapPost("", Start).WithName("StartProjection")
            .RequireAuthorization(ProjectionsRun).WithIdempotency()
            .WithSummary("Run a scenario: 201 for a deterministic run (done at once), 202 and a status address " +
                         "for a probabilistic run.");
        projections.MapGet("", ListProjections).WithName("ListProjections")
            .RequireAuthorization(ProjectionsRead).WithSummary("Runs, newest first (without their series).");
        projections.MapGet("/{id:guid}", GetProjection).WithName("GetProjection")
            .RequireAuthorization(ProjectionsRead)
            .WithSummary("Status, per cent done and, when done, the series: persons on 1 January, shares as " +
                         "fractions, quantiles of the total.");
        projections.MapPost("/{id:guid}/cancel", Cancel).WithName("CancelProjection")
            .RequireAuthorization(ProjectionsRun)
            .WithSummary("Cancel a queued or running run; a finished run gives 409.");
        projections.MapGet("/{id:guid}/pyramid", Pyramid).WithName("GetProjectionPyramid")
            .RequireAuthorization(ProjectionsRead)
            .WithSummary("Population by sex and age (groups=five: 0-4 … 100+, groups=single: 0 … 100+) of one " +
                         "unit; all years when no year is given.");
        projections.MapGet("/{id:guid}/export.csv", ExportCsv).WithName("ExportProjectionCsv")
            .RequireAuthorization(ProjectionsRead).ProducesFile(TableExport.CsvType)
            .WithSummary("The series as CSV.");
        projections.MapGet("/{id:guid}/export.xlsx", ExportXlsx).WithName("ExportProjectionXlsx")
            .RequireAuthorization(ProjectionsRead).ProducesFile(TableExport.XlsxType)
            .WithSummary("The series as an Excel workbook.");

        var scenarios = app.MapGroup("/api/v1/demography/scenarios").WithTags(DemographyTag);
        scenarios.MapGet("", ListScenarios).WithName("ListScenarios")
            .RequireAuthorization(ProjectionsRead)
            .WithSummary("Built-in scenarios, then stored policy scenarios (newest first).");
        scenarios.MapGet("/{key}", GetScenario).WithName("GetScenario")
            .RequireAuthorization(ProjectionsRead)
            .WithSummary("One scenario with its definition.");
        scenarios.MapPost("", CreateScenario).WithName("CreateScenario")
            .RequireAuthorization(ScenariosManage).WithIdempotency()
            .WithSummary("Store a policy scenario (the engine's ScenarioDefinition JSON); regions, years, ages and " +
                         "counts are checked.");

        var index = app.MapGroup("/api/v1/demography/labour-deficit-index").WithTags(DemographyTag)
            .RequireAuthorization(IndexRead);
        index.MapGet("", LabourDeficit).WithName("GetLabourDeficitIndex")
            .WithSummary("Each region's total, rank and breakdown (criterion, fact, band, points) with the scorecard " +
                         "version used.");
        index.MapGet("/export.xlsx", LabourDeficitXlsx).WithName("ExportLabourDeficitIndexXlsx")
            .ProducesFile(TableExport.XlsxType)
            .WithSummary("The index as an Excel workbook.");
        index.MapGet("/export.csv", LabourDeficitCsv).WithName("ExportLabourDeficitIndexCsv")
            .ProducesFile(TableExport.CsvType)
            .WithSummary("The index as CSV.");
    }

    static async Task<Results<Results<Created<ProjectionAccepted>, Accepted<ProjectionAccepted>>, ValidationProblem>>
        Start(ProjectionRequest? body, Actor actor, ProjectionRuns runs, CancellationToken ct) =>
        (await runs.StartAsync(actor, body, ct)).ToHttp(Started, Refusals.Invalid);

    static Results<Created<ProjectionAccepted>, Accepted<ProjectionAccepted>> Started(ProjectionAccepted run) =>
        run.Status == ProjectionStatus.Done
            ? TypedResults.Created(run.StatusUrl, run)
            : TypedResults.Accepted(run.StatusUrl, run);

    static async Task<Ok<ProjectionPage>> ListProjections(
        int? page, int? pageSize, ProjectionRuns runs, CancellationToken ct) =>
        (await runs.ListAsync(page, pageSize, ct)).ToOk();

    static async Task<Results<Ok<ProjectionResponse>, NotFoundProblem>> GetProjection(
        Guid id, ProjectionRuns runs, CancellationToken ct) =>
        (await runs.GetAsync(id, ct)).ToOk(Refusals.NotFound);

    static async Task<Results<Ok<ProjectionSummary>, NotFoundProblem, ConflictProblem>> Cancel(
        Guid id, Actor actor, ProjectionRuns runs, CancellationToken ct) =>
        (await runs.CancelAsync(actor, id, ct)).ToOk(Refusals.NotFound, Refusals.Conflict);

    static async Task<Results<Ok<PyramidResponse>, ValidationProblem, NotFoundProblem, ConflictProblem>> Pyramid(
        Guid id, string? region, int? year, string? groups, ProjectionRuns runs, CancellationToken ct) =>
        (await runs.PyramidAsync(id, region, year, groups, ct))
            .ToOk(Refusals.Invalid, Refusals.NotFound, Refusals.Conflict);

    static Task<Results<FileContentHttpResult, NotFoundProblem, ConflictProblem>> ExportCsv(
        Guid id, ProjectionRuns runs, CancellationToken ct) => ExportAsync(id, runs, csv: true, ct);

    static Task<Results<FileContentHttpResult, NotFoundProblem, ConflictProblem>> ExportXlsx(
        Guid id, ProjectionRuns runs, CancellationToken ct) => ExportAsync(id, runs, csv: false, ct);

    static async Task<Results<FileContentHttpResult, NotFoundProblem, ConflictProblem>> ExportAsync(
        Guid id, ProjectionRuns runs, bool csv, CancellationToken ct)
    {
        var run = await runs.FindAsync(id, ct);
        if (run is null) return NotFoundProblem.Of();
        if (run.Status != ProjectionStatus.Done) return ConflictProblem.Of($"the run is {run.Status}, not done");
        var table = ProjectionExport.Table(run, await runs.RowsAsync(id, null, ct));
        return csv
            ? TypedResults.File(table.ToCsv(), TableExport.CsvType, ProjectionExport.FileName(run, "csv"))
            : TypedResults.File(table.ToXlsx(), TableExport.XlsxType, ProjectionExport.FileName(run, "xlsx"));
    }

    static async Task<Ok<ScenarioPage>> ListScenarios(
        int? page, int? pageSize, ScenarioCatalogue catalogue, CancellationToken ct) =>
        (await catalogue.ListAsync(page, pageSize, ct)).ToOk();

    static async Task<Results<Ok<ScenarioResponse>, NotFoundProblem>> GetScenario(
        string key, ScenarioCatalogue catalogue, CancellationToken ct) =>
        (await catalogue.GetAsync(key, ct)).ToOk(Refusals.NotFound);

    static async Task<Results<Created<ScenarioResponse>, ValidationProblem>> CreateScenario(
        ScenarioDefinition? body, Actor actor, ScenarioCatalogue catalogue, CancellationToken ct) =>
        (await catalogue.CreateAsync(actor, body, ct)).ToHttp(
            s => TypedResults.Created($"/api/v1/demography/scenarios/{s.Key}", s), Refusals.Invalid);

    static Ok<LabourDeficitResponse> LabourDeficit(LabourDeficitIndex deficit) => TypedResults.Ok(deficit.Get());

    static FileContentHttpResult LabourDeficitXlsx(LabourDeficitIndex deficit) =>
        TypedResults.File(deficit.Export().ToXlsx(), TableExport.XlsxType, "labour-deficit-index.xlsx");

    static FileContentHttpResult LabourDeficitCsv(LabourDeficitIndex deficit) =>
        TypedResults.File(deficit.Export().ToCsv(), TableExport.CsvType, "labour-deficit-index.csv");
}
