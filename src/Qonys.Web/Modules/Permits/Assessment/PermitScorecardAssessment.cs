using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Qonys.Engines.Scoring;
using Qonys.Web.Modules.Permits.Access;
using Qonys.Web.Modules.Permits.Domain;
using Qonys.Web.Modules.Registry.Contracts;

namespace Qonys.Web.Modules.Permits.Assessment;

/// <summary>One worker of an application scored against the permit-assessment scorecard.</summary>
internal sealed record WorkerAssessment(int Position, string Citizenship, string Education, ScoreResult Result);

/// <summary>The permit-assessment breakdown of one application: the scorecard used, how the facts were found, and a score per worker.</summary>
internal sealed record PermitScorecardBreakdown(string ScorecardKey, int ScorecardVersion, DateOnly EffectiveFrom, string Title,
    decimal? PassMark, IReadOnlyList<string> FactSources, IReadOnlyList<WorkerAssessment> Workers);

/// <summary>
/// Scores an application with the shipped permit-assessment scorecard (docs/scoring.md) for the officer's case page.
/// The scorecard is about one candidate, so each worker of the application is scored: salary, citizen share and the
/// shortage bonus are the application's; qualification and nationality diversity are the worker's own.
/// <list type="bullet">
/// <item>salaryPercentile — the offered salary against the regional average wage of the occupation's major group,
/// through the log-normal approximation of <see cref="WagePercentile"/> (no sector percentiles are loaded yet).</item>
/// <item>qualificationLevel — the worker's education as given on the application.</item>
/// <item>citizenSharePct — citizens as a percentage of the employer's staff in the registry.</item>
/// <item>candidateNationalitySharePct — the share of the employer's current foreign permits (active or awaiting the
/// fee, other applications only) held by citizens of the worker's country; 0 when the employer has none.</item>
/// <item>shortageOccupation — "yes" when the occupation is on the in-demand list of the classifier.</item>
/// </list>
/// Only officers (of the case's region) and administrators see it; the scores inform the decision, they do not make it.
/// </summary>
internal sealed class PermitScorecardAssessment(AppDb db, PermitApplicationView view, PermitApplicationAccess access, IEmployerDirectory employers,
    ReferenceData refs)
{
    public const string ScorecardKey = "permit-assessment";

    public async Task<UseCaseResult<PermitScorecardBreakdown>> EvaluateAsync(Actor actor, Guid applicationId, CancellationToken ct)
    {
        if (!access.Grants(actor.Role, PermitApplicationOperations.Assess))
            return UseCaseResult<PermitScorecardBreakdown>.Forbidden("The permit assessment is shown to officers and administrators only.");
        var application = await view.LoadAsync(actor, applicationId, tracking: false, ct);
        if (application is null) return UseCaseResult<PermitScorecardBreakdown>.NotFound();
        if (!access.Allows(actor, PermitApplicationOperations.Assess, application))
            return UseCaseResult<PermitScorecardBreakdown>.Forbidden("The permit assessment is shown to officers and administrators only.");

        var scorecard = ShippedScorecards.Get(ScorecardKey);
        var employer = await employers.FindAsync(application.EmployerBin, ct);
        var occupation = await refs.OccupationAsync(application.OccupationCode, ct);
        var wage = occupation is null ? null : await refs.LatestWageAsync(application.RegionCode, occupation.MajorGroup, ct);
        var foreignPermits = await db.Set<Permit>().AsNoTracking()
            .Where(p => p.EmployerBin == application.EmployerBin && p.ApplicationId != application.Id &&
                        (p.Status == PermitStatus.Active || p.Status == PermitStatus.AwaitingFee))
            .GroupBy(p => p.Citizenship).Select(g => new { Citizenship = g.Key, Count = g.Count() }).ToListAsync(ct);
        var foreignTotal = foreignPermits.Sum(p => p.Count);

        var shared = new Dictionary<string, FactValue>(StringComparer.Ordinal);
        var sources = new List<string>();
        if (wage is not null)
        {
            var percentile = WagePercentile.Of(application.MonthlySalaryKzt, wage.AverageKzt);
            shared["salaryPercentile"] = percentile;
            sources.Add(string.Create(CultureInfo.InvariantCulture,
                $"salaryPercentile: {application.MonthlySalaryKzt:N0} KZT against the {wage.Year} average of {wage.AverageKzt:N0} KZT for occupation group {wage.MajorGroup} in {wage.RegionCode}, log-normal with σ = {WagePercentile.LogDispersion} (approximation)"));
        }
        else sources.Add("salaryPercentile: no wage statistics for this region and occupation group");
        if (employer is { TotalStaff: > 0 })
        {
            var share = Math.Round(employer.Citizens * 100.0 / employer.TotalStaff, 1);
            shared["citizenSharePct"] = share;
            sources.Add(string.Create(CultureInfo.InvariantCulture,
                $"citizenSharePct: {employer.Citizens} citizens of {employer.TotalStaff} staff in the employer registry"));
        }
        else sources.Add("citizenSharePct: the employer reports no staff");
        if (occupation is not null)
        {
            shared["shortageOccupation"] = occupation.InDemand ? "yes" : "no";
            sources.Add($"shortageOccupation: occupation {occupation.Code} is {(occupation.InDemand ? "" : "not ")}on the in-demand list");
        }
        sources.Add($"candidateNationalitySharePct: among the employer's {foreignTotal} current foreign permit(s) from other applications");
        sources.Add("qualificationLevel: the worker's education on the application");

        var workers = application.Workers.OrderBy(w => w.Position).Select(w =>
        {
            var facts = new Dictionary<string, FactValue>(shared, StringComparer.Ordinal)
            {
                ["qualificationLevel"] = w.Education,
                ["candidateNationalitySharePct"] = foreignTotal == 0 ? 0.0
                    : Math.Round((foreignPermits.FirstOrDefault(p => p.Citizenship == w.Citizenship)?.Count ?? 0) * 100.0 / foreignTotal, 1),
            };
            return new WorkerAssessment(w.Position, w.Citizenship, w.Education, ScorecardEvaluator.Evaluate(scorecard, facts));
        }).ToList();
        return UseCaseResult<PermitScorecardBreakdown>.Ok(new PermitScorecardBreakdown(scorecard.Key, scorecard.Version,
            scorecard.EffectiveFrom, scorecard.Title, scorecard.PassMark, sources, workers));
    }
}
