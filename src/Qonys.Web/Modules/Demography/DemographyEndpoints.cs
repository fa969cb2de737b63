using Qonys.Engines.Demography;
using Qonys.Web.Modules.Demography.Domain;
using Qonys.Web.Modules.Demography.Exports;
using Qonys.Web.Modules.Demography.LabourDeficit;
using Qonys.Web.Modules.Demography.Projections;
using Qonys.Web.Modules.Demography.Scenarios;
using static Qonys.Web.Modules.Demography.DemographyModule;

namespace Qonys.Web.Modules.Demography;

/// <summary>The demography API: projections, policy scenarios and the labour-deficit index under /api/v1/demography.</summary>
public static class DemographyEndpoints
{
    public static void MapDemographyApi(this IEndpointRouteBuilder app)
    {
        var projections = app.MapGroup("/api/v1/demography/projections").WithTags("Demography");
        projections.MapPost("", async (ProjectionRequest? body, HttpContext http, ProjectionRuns runs, CancellationToken ct) =>
                (await runs.StartAsync(Actor.From(http.User), body, ct)).ToHttp(onSuccess: a => a.Status == ProjectionStatus.Done
                    ? TypedResults.Created(a.StatusUrl, a)
                    : TypedResults.Accepted(a.StatusUrl, a)))
            .RequireAuthorization(ProjectionsRun).WithIdempotency()
            .Produces<ProjectionAccepted>(StatusCodes.Status201Created).Produces<ProjectionAccepted>(StatusCodes.Status202Accepted)
            .WithSummary("Run a scenario: 201 for a deterministic run (done at once), 202 and a status address for a probabilistic run.");
        projections.MapGet("", async (int? page, int? pageSize, ProjectionRuns runs, CancellationToken ct) =>
                (await runs.ListAsync(page, pageSize, ct)).ToHttp())
            .RequireAuthorization(ProjectionsRead).WithSummary("Runs, newest first (without their series).");
        projections.MapGet("/{id:guid}", async (Guid id, ProjectionRuns runs, CancellationToken ct) =>
                (await runs.GetAsync(id, ct)).ToHttp())
            .RequireAuthorization(ProjectionsRead)
            .WithSummary("Status, per cent done and, when done, the series: persons on 1 January, shares as fractions, quantiles of the total.");
        projections.MapPost("/{id:guid}/cancel", async (Guid id, HttpContext http, ProjectionRuns runs, CancellationToken ct) =>
                (await runs.CancelAsync(Actor.From(http.User), id, ct)).ToHttp())
            .RequireAuthorization(ProjectionsRun)
            .WithSummary("Cancel a queued or running run; a finished run gives 409.");
        projections.MapGet("/{id:guid}/pyramid", async (Guid id, string? region, int? year, string? groups, ProjectionRuns runs, CancellationToken ct) =>
                (await runs.PyramidAsync(id, region, year, groups, ct)).ToHttp())
            .RequireAuthorization(ProjectionsRead)
            .WithSummary("Population by sex and age (groups=five: 0-4 … 100+, groups=single: 0 … 100+) of one unit; all years when no year is given.");
        projections.MapGet("/{id:guid}/export.csv", (Guid id, ProjectionRuns runs, CancellationToken ct) => ExportAsync(id, runs, csv: true, ct))
            .RequireAuthorization(ProjectionsRead).WithSummary("The series as CSV.");
        projections.MapGet("/{id:guid}/export.xlsx", (Guid id, ProjectionRuns runs, CancellationToken ct) => ExportAsync(id, runs, csv: false, ct))
            .RequireAuthorization(ProjectionsRead).WithSummary("The series as an Excel workbook.");

        var scenarios = app.MapGroup("/api/v1/demography/scenarios").WithTags("Demography");
        scenarios.MapGet("", async (int? page, int? pageSize, ScenarioCatalogue catalogue, CancellationToken ct) =>
                (await catalogue.ListAsync(page, pageSize, ct)).ToHttp())
            .RequireAuthorization(ProjectionsRead).WithSummary("Built-in scenarios, then stored policy scenarios (newest first).");
        scenarios.MapGet("/{key}", async (string key, ScenarioCatalogue catalogue, CancellationToken ct) =>
                (await catalogue.GetAsync(key, ct)).ToHttp())
            .RequireAuthorization(ProjectionsRead);
        scenarios.MapPost("", async (ScenarioDefinition? body, HttpContext http, ScenarioCatalogue catalogue, CancellationToken ct) =>
                (await catalogue.CreateAsync(Actor.From(http.User), body, ct)).ToHttp(location: s => $"/api/v1/demography/scenarios/{s.Key}"))
            .RequireAuthorization(ScenariosManage).WithIdempotency()
            .WithSummary("Store a policy scenario (the engine's ScenarioDefinition JSON); regions, years, ages and counts are checked.");

        var index = app.MapGroup("/api/v1/demography/labour-deficit-index").WithTags("Demography").RequireAuthorization(IndexRead);
        index.MapGet("", (LabourDeficitIndex deficit) => TypedResults.Ok(deficit.Get()))
            .WithSummary("Each region's total, rank and breakdown (criterion, fact, band, points) with the scorecard version used.");
        index.MapGet("/export.xlsx", (LabourDeficitIndex deficit) =>
            TypedResults.File(deficit.Export().ToXlsx(), TableExport.XlsxType, "labour-deficit-index.xlsx"));
        index.MapGet("/export.csv", (LabourDeficitIndex deficit) =>
            TypedResults.File(deficit.Export().ToCsv(), TableExport.CsvType, "labour-deficit-index.csv"));
    }

    static async Task<IResult> ExportAsync(Guid id, ProjectionRuns runs, bool csv, CancellationToken ct)
    {
        var run = await runs.FindAsync(id, ct);
        if (run is null) return ResultMapping.Problem(404, "Not found", "The record does not exist or you may not see it.", "not-found");
        if (run.Status != ProjectionStatus.Done) return ResultMapping.Problem(409, "Conflict", $"the run is {run.Status}, not done", "conflict");
        var table = ProjectionExport.Table(run, await runs.RowsAsync(id, null, ct));
        return csv
            ? TypedResults.File(table.ToCsv(), TableExport.CsvType, ProjectionExport.FileName(run, "csv"))
            : TypedResults.File(table.ToXlsx(), TableExport.XlsxType, ProjectionExport.FileName(run, "xlsx"));
    }
}
