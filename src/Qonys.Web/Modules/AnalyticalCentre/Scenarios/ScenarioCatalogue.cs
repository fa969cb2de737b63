using Microsoft.EntityFrameworkCore;
using Qonys.Engines.Demography;
using Qonys.Web.Modules.AnalyticalCentre.Domain;
using Qonys.Web.Modules.AnalyticalCentre.Projections;

namespace Qonys.Web.Modules.AnalyticalCentre.Scenarios;

/// <summary>
/// A scenario as listed: built-in (key "baseline", "low", "high", "zero-migration") or stored (key = its id).
/// </summary>
internal sealed record ScenarioResponse(
    string Key, string Name, bool BuiltIn, ScenarioDefinition Definition, DateTime? CreatedAt);

internal sealed record ScenarioPage(IReadOnlyList<ScenarioResponse> Items, int Total, int Page, int PageSize);

/// <summary>The built-in scenarios and the stored policy scenarios; creating a stored one validates it first.</summary>
internal sealed class ScenarioCatalogue(AppDb db, AuditLog audit, DemographyInputs inputs, TimeProvider clock)
{
    public static readonly AuditEventType ScenarioCreated = new("demography.scenario_created", AuditKind.Change);

    public static readonly IReadOnlyList<(string Key, ScenarioDefinition Definition)> BuiltIns =
    [
        ("baseline", ScenarioDefinition.Baseline),
        ("low", ScenarioDefinition.LowFertility),
        ("high", ScenarioDefinition.HighFertility),
        ("zero-migration", ScenarioDefinition.ZeroMigration),
    ];

    public async Task<UseCaseResult<ScenarioPage>> ListAsync(int? page, int? pageSize, CancellationToken ct)
    {
        var p = Math.Max(1, page ?? 1);
        var size = Math.Clamp(pageSize ?? 50, 1, 500);
        var stored = await db.Set<PolicyScenario>().AsNoTracking().OrderByDescending(s => s.CreatedAt).ToListAsync(ct);
        var all = BuiltIns.Select(b => new ScenarioResponse(b.Key, b.Definition.Name, true, b.Definition, null))
            .Concat(stored.Select(ToResponse)).ToList();
        return UseCaseResult<ScenarioPage>.Ok(
            new ScenarioPage(all.Skip((p - 1) * size).Take(size).ToList(), all.Count, p, size));
    }

    public async Task<UseCaseResult<ScenarioResponse>> GetAsync(string key, CancellationToken ct) =>
        await FindAsync(key, ct) is { } found
            ? UseCaseResult<ScenarioResponse>.Ok(found)
            : UseCaseResult<ScenarioResponse>.NotFound();

    /// <summary>A built-in by key, or a stored scenario by id; null when neither exists.</summary>
    public async Task<ScenarioResponse?> FindAsync(string? key, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(key)) return null;
        foreach (var (k, d) in BuiltIns)
            if (string.Equals(k, key, StringComparison.OrdinalIgnoreCase))
                return new ScenarioResponse(k, d.Name, true, d, null);
        if (!Guid.TryParse(key, out var id)) return null;
        var stored = await db.Set<PolicyScenario>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        return stored is null ? null : ToResponse(stored);
    }

    public async Task<UseCaseResult<ScenarioResponse>> CreateAsync(
        Actor actor, ScenarioDefinition? body, CancellationToken ct)
    {
        var errors = ScenarioRules.Validate(body,
            inputs.Regional.Regions.Select(r => r.Code).ToHashSet(StringComparer.Ordinal));
        if (errors.Any) return UseCaseResult<ScenarioResponse>.Invalid(errors);
        var definition = body! with
        {
            Name = body.Name.Trim(), Resettlements = body.Resettlements ?? [], LabourIntakes = body.LabourIntakes ?? [],
        };
        var scenario = new PolicyScenario
        {
            Id = Guid.NewGuid(),
            Name = definition.Name,
            DefinitionJson = definition.ToJson(),
            CreatedBy = actor.UserId,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(scenario);
        audit.Record(actor, ScenarioCreated, "demography_scenario", scenario.Id.ToString(), new { scenario.Name });
        await db.SaveChangesAsync(ct);
        return UseCaseResult<ScenarioResponse>.Created(ToResponse(scenario));
    }

    static ScenarioResponse ToResponse(PolicyScenario s) =>
        new(s.Id.ToString(), s.Name, false, ScenarioDefinition.FromJson(s.DefinitionJson), s.CreatedAt);
}
