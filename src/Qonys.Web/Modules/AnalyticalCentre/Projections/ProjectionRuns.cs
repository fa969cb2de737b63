using Microsoft.EntityFrameworkCore;
using Qonys.Engines.Demography;
using Qonys.Web.Modules.AnalyticalCentre.Domain;
using Qonys.Web.Modules.AnalyticalCentre.Scenarios;

namespace Qonys.Web.Modules.AnalyticalCentre.Projections;

/// <summary>
/// Starting, reading and cancelling projection runs. A deterministic run (trajectories 0) is computed in the request
/// (a few milliseconds once the model is prepared) and answered 201; a probabilistic run is queued for
/// <see cref="ProjectionJob"/> and answered 202 with its status address.
/// </summary>
internal sealed class ProjectionRuns(
    AppDb db, AuditLog audit, ScenarioCatalogue scenarios, ProjectionComputation computation,
    ProjectionQueueSignal signal, TimeProvider clock)
{
    public static readonly AuditEventType ProjectionStarted =
        new("demography.projection_started", AuditKind.Change);
    public static readonly AuditEventType ProjectionCancelled =
        new("demography.projection_cancelled", AuditKind.Change);

    public const int MaxTrajectories = 2000;
    public const long DefaultSeed = 20260101;
    public static int BaseYear => ProjectionSettings.BaseYear;
    public static int MaxHorizonYear => ProjectionSettings.Default.EndYear;

    public async Task<UseCaseResult<ProjectionAccepted>> StartAsync(
        Actor actor, ProjectionRequest? body, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (body is null) return UseCaseResult<ProjectionAccepted>.Invalid("body", "a JSON body is required");
        var baseYear = body.BaseYear ?? BaseYear;
        if (baseYear != BaseYear) errors.Add("baseYear", $"the only base population on file is 1 January {BaseYear}");
        if (body.HorizonYear is not { } horizon) errors.Add("horizonYear", "is required");
        else if (horizon < baseYear) errors.Add("horizonYear", $"must not be before the base year {baseYear}");
        else if (horizon > MaxHorizonYear) errors.Add("horizonYear", $"must be at most {MaxHorizonYear}");
        var regions = body.Regions ?? ProjectionCoverage.National;
        if (regions is not (ProjectionCoverage.National or ProjectionCoverage.All))
            errors.Add("regions", "must be \"national\" or \"all\"");
        var trajectories = body.Trajectories ?? 0;
        if (trajectories < 0 || trajectories > MaxTrajectories)
            errors.Add("trajectories", $"must be between 0 (deterministic) and {MaxTrajectories}");
        var scenario = await scenarios.FindAsync(body.Scenario, ct);
        if (scenario is null)
            errors.Add("scenario", string.IsNullOrWhiteSpace(body.Scenario)
                ? "is required"
                : $"'{body.Scenario}' is neither a built-in scenario (baseline, low, high, zero-migration) "
                  + "nor a stored scenario id");
        if (errors.Any) return UseCaseResult<ProjectionAccepted>.Invalid(errors);

        var now = clock.GetUtcNow().UtcDateTime;
        var run = new ProjectionRunRecord
        {
            Id = Guid.NewGuid(),
            ScenarioKey = scenario!.Key,
            ScenarioName = scenario.Name,
            ScenarioJson = scenario.Definition.ToJson(),
            BaseYear = baseYear,
            HorizonYear = body.HorizonYear!.Value,
            Regions = regions,
            Trajectories = trajectories,
            Seed = DefaultSeed,
            Status = ProjectionStatus.Queued,
            CreatedBy = actor.UserId,
            CreatedAt = now,
        };
        if (trajectories == 0)
        {
            var rows = computation.Run(run, null, ct);
            run.Status = ProjectionStatus.Done;
            run.Progress = 100;
            run.StartedAt = now;
            run.FinishedAt = clock.GetUtcNow().UtcDateTime;
            db.AddRange(rows);
        }
        db.Add(run);
        audit.Record(actor, ProjectionStarted, "demography_projection", run.Id.ToString(),
            new { run.ScenarioKey, run.HorizonYear, run.Regions, run.Trajectories });
        await db.SaveChangesAsync(ct);
        if (run.Status == ProjectionStatus.Queued) signal.Wake();
        return UseCaseResult<ProjectionAccepted>.Ok(new ProjectionAccepted(run.Id, run.Status, StatusUrl(run.Id)));
    }

    public static string StatusUrl(Guid id) => $"/api/v1/demography/projections/{id}";

    public async Task<UseCaseResult<ProjectionResponse>> GetAsync(Guid id, CancellationToken ct)
    {
        var run = await db.Set<ProjectionRunRecord>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (run is null) return UseCaseResult<ProjectionResponse>.NotFound();
        var rows = run.Status == ProjectionStatus.Done ? await RowsAsync(id, null, ct) : [];
        return UseCaseResult<ProjectionResponse>.Ok(ToResponse(run, rows));
    }

    public async Task<ProjectionRunRecord?> FindAsync(Guid id, CancellationToken ct) =>
        await db.Set<ProjectionRunRecord>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);

    /// <summary>The stored rows of a run (all units, or one), ordered by unit and year.</summary>
    public async Task<List<ProjectionResultRow>> RowsAsync(Guid id, string? regionCode, CancellationToken ct)
    {
        var query = db.Set<ProjectionResultRow>().AsNoTracking().Where(r => r.RunId == id);
        if (regionCode is not null) query = query.Where(r => r.RegionCode == regionCode);
        var rows = await query.ToListAsync(ct);
        return rows.OrderBy(r => r.RegionCode == RegionalInputs.Country ? "" : r.RegionCode, StringComparer.Ordinal)
            .ThenBy(r => r.Year).ToList();
    }

    public async Task<UseCaseResult<ProjectionPage>> ListAsync(int? page, int? pageSize, CancellationToken ct)
    {
        var p = Math.Max(1, page ?? 1);
        var size = Math.Clamp(pageSize ?? 50, 1, 500);
        var runs = db.Set<ProjectionRunRecord>().AsNoTracking();
        var total = await runs.CountAsync(ct);
        var items = await runs.OrderByDescending(r => r.CreatedAt).Skip((p - 1) * size).Take(size).ToListAsync(ct);
        return UseCaseResult<ProjectionPage>.Ok(new ProjectionPage(items.Select(Summary).ToList(), total, p, size));
    }

    public async Task<UseCaseResult<PyramidResponse>> PyramidAsync(
        Guid id, string? region, int? year, string? groups, CancellationToken ct)
    {
        var code = string.IsNullOrWhiteSpace(region) ? RegionalInputs.Country : region;
        var fiveYear = groups is null or "5" or "five";
        if (!fiveYear && groups is not ("1" or "single"))
            return UseCaseResult<PyramidResponse>.Invalid("groups",
                "must be \"five\" (5-year groups) or \"single\" (single years)");
        var run = await FindAsync(id, ct);
        if (run is null) return UseCaseResult<PyramidResponse>.NotFound();
        if (run.Status != ProjectionStatus.Done)
            return UseCaseResult<PyramidResponse>.Conflict($"the run is {run.Status}, not done");
        if (year is { } y && (y < run.BaseYear || y > run.HorizonYear))
            return UseCaseResult<PyramidResponse>.Invalid("year",
                $"must be between {run.BaseYear} and {run.HorizonYear}");
        var rows = await RowsAsync(id, code, ct);
        if (rows.Count == 0) return UseCaseResult<PyramidResponse>.NotFound();
        var years = rows.Where(r => year is null || r.Year == year).Select(r =>
        {
            var male = ProjectionSeriesMapping.ReadAges(r.MaleAges);
            var female = ProjectionSeriesMapping.ReadAges(r.FemaleAges);
            return fiveYear
                ? new PyramidYear(r.Year, ProjectionSeriesMapping.FiveYearGroups(male),
                    ProjectionSeriesMapping.FiveYearGroups(female))
                : new PyramidYear(r.Year, male, female);
        }).ToList();
        return UseCaseResult<PyramidResponse>.Ok(new PyramidResponse(id, code, fiveYear ? "five" : "single",
            ProjectionSeriesMapping.AgeLabels(fiveYear), years));
    }

    /// <summary>
    /// A queued run is cancelled at once; a running one is flagged and its job stops within a moment.
    /// </summary>
    public async Task<UseCaseResult<ProjectionSummary>> CancelAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var run = await FindAsync(id, ct);
        if (run is null) return UseCaseResult<ProjectionSummary>.NotFound();
        var now = clock.GetUtcNow().UtcDateTime;
        var cancelledNow = await db.Set<ProjectionRunRecord>()
            .Where(r => r.Id == id && r.Status == ProjectionStatus.Queued)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ProjectionStatus.Cancelled)
                .SetProperty(r => r.CancelRequested, true).SetProperty(r => r.FinishedAt, now), ct);
        if (cancelledNow == 0)
        {
            var flagged = await db.Set<ProjectionRunRecord>()
                .Where(r => r.Id == id && r.Status == ProjectionStatus.Running)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.CancelRequested, true), ct);
            if (flagged == 0) return UseCaseResult<ProjectionSummary>.Conflict($"the run is already {run.Status}");
        }
        await audit.RecordNowAsync(actor, ProjectionCancelled, "demography_projection", id.ToString(), null, ct);
        return UseCaseResult<ProjectionSummary>.Ok(Summary((await FindAsync(id, ct))!));
    }

    public static ProjectionSummary Summary(ProjectionRunRecord r) =>
        new(r.Id, r.Status, r.ScenarioKey, r.ScenarioName, r.BaseYear, r.HorizonYear, r.Regions, r.Trajectories,
            Math.Round(r.Progress, 1), r.CreatedAt, r.FinishedAt);

    public static ProjectionResponse ToResponse(ProjectionRunRecord r, IReadOnlyList<ProjectionResultRow> rows) =>
        new(r.Id, r.Status, r.ScenarioKey, r.ScenarioName, r.BaseYear, r.HorizonYear, r.Regions, r.Trajectories,
            Math.Round(r.Progress, 1), r.CancelRequested, r.Error, r.CreatedAt, r.StartedAt, r.FinishedAt,
            rows.Select(Point).ToList());

    public static SeriesPoint Point(ProjectionResultRow r) =>
        new(r.RegionCode, r.Year, r.Total, r.Male, r.Female, r.WorkingAgeShare, r.AboveWorkingAgeShare,
            r.DependencyRatio, r.Births, r.Deaths, r.NetInternationalMigration, r.NetInterRegionalMigration,
            new QuantilesResponse(r.P10, r.P50, r.P90));
}
