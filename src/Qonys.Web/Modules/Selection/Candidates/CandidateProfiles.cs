using Microsoft.EntityFrameworkCore;
using Qonys.Engines.Scoring;
using Qonys.Web.Modules.Selection.Data;
using Qonys.Web.Modules.Selection.Domain;
using Qonys.Web.Modules.Selection.Rounds;
using Qonys.Web.Modules.Selection.Scorecards;

namespace Qonys.Web.Modules.Selection.Candidates;

/// <summary>
/// Candidates register a profile themselves (a Migrant account, one profile per account) or through an agency (an
/// officer or an administrator registers someone else). A candidate sees the own profile and score; an officer the
/// profiles the officer registered; an administrator every profile. Anyone else gets 404.
/// </summary>
internal sealed class CandidateProfiles(AppDb db, ReferenceData refs, CandidatePool pool, ScorecardBook scorecards, AuditLog audit, TimeProvider clock)
{
    public static readonly string[] EducationLevels = ["none", "secondary", "vocational", "bachelor", "master", "doctorate"];
    public static readonly string[] LanguageLevels = ["none", "A1", "A2", "B1", "B2", "C1", "C2"];

    public async Task<UseCaseResult<CandidateResponse>> RegisterAsync(Actor actor, CandidateRequest? request, CancellationToken ct)
    {
        if (request is null) return UseCaseResult<CandidateResponse>.Invalid("body", "send the candidate's profile");
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var e = await ValidateAsync(request, today, ct);
        if (e.Any) return UseCaseResult<CandidateResponse>.Invalid(e);
        var self = actor.Role == Roles.Migrant;
        if (self && await db.Set<Candidate>().AnyAsync(c => c.AccountId == actor.UserId, ct))
            return UseCaseResult<CandidateResponse>.Conflict("This account already has a candidate profile; one profile per account.");
        var r = request;
        var candidate = new Candidate
        {
            Id = Guid.CreateVersion7(), AccountId = self ? actor.UserId : null, FullName = r.FullName!.Trim(), BirthDate = r.BirthDate!.Value,
            Citizenship = r.Citizenship!.ToUpperInvariant(), Education = r.Education!, ExperienceYears = r.ExperienceYears!.Value,
            KazakhLevel = Level(r.KazakhLevel), RussianLevel = Level(r.RussianLevel), EnglishLevel = Level(r.EnglishLevel),
            OccupationCode = r.OccupationCode!, JobOfferRegionCode = string.IsNullOrWhiteSpace(r.JobOfferRegionCode) ? null : r.JobOfferRegionCode,
            OfferedMonthlySalaryKzt = r.OfferedMonthlySalaryKzt, ProfileAt = now,
            Channel = self ? CandidateChannel.SelfService : CandidateChannel.Agency, CreatedBy = actor.UserId, CreatedAt = now,
        };
        db.Add(candidate);
        audit.Record(actor, SelectionAuditEvents.CandidateRegistered, "candidate", candidate.Id.ToString(), new { candidate.Channel, candidate.OccupationCode });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return UseCaseResult<CandidateResponse>.Conflict("This account already has a candidate profile; one profile per account.");
        }
        return UseCaseResult<CandidateResponse>.Created(ToResponse(candidate, actor, null));
    }

    public async Task<UseCaseResult<CandidateResponse>> GetAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var candidate = await VisibleAsync(actor, id, ct);
        if (candidate is null) return UseCaseResult<CandidateResponse>.NotFound();
        await RecordReadAsync(actor, candidate, ct);
        return UseCaseResult<CandidateResponse>.Ok(ToResponse(candidate, actor, await InvitationAsync(id, ct)));
    }

    /// <summary>The id of the actor's own profile, if any (the candidate's page).</summary>
    public Task<Guid?> OwnIdAsync(Actor actor, CancellationToken ct) =>
        db.Set<Candidate>().Where(c => c.AccountId == actor.UserId).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);

    public async Task<UseCaseResult<PageResponse<CandidateResponse>>> ListAsync(Actor actor, int? page, int? pageSize, CancellationToken ct)
    {
        var p = page ?? 1;
        var size = pageSize ?? 50;
        if (p < 1 || size is < 1 or > RoundQueries.MaxPageSize)
            return UseCaseResult<PageResponse<CandidateResponse>>.Invalid(p < 1 ? "page" : "pageSize", p < 1 ? "must be 1 or more" : "must be between 1 and 500");
        var query = Scope(actor);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(c => c.ProfileAt).ThenBy(c => c.Id).Skip((p - 1) * size).Take(size).ToListAsync(ct);
        // One entry per list read naming the profiles shown (one's own profile is not someone else's data).
        var others = rows.Where(c => c.AccountId != actor.UserId).Select(c => c.Id.ToString()).ToList();
        if (others.Count > 0)
            await audit.RecordNowAsync(actor, SelectionAuditEvents.CandidatesListed, "candidate", null,
                new PersonalDataList(others, total, new { page = p, pageSize = size }), ct);
        return UseCaseResult<PageResponse<CandidateResponse>>.Ok(new PageResponse<CandidateResponse>(
            rows.Select(c => ToResponse(c, actor, null)).ToList(), total, p, size));
    }

    public async Task<UseCaseResult<CandidateScoreResponse>> ScoreAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var candidate = await VisibleAsync(actor, id, ct);
        if (candidate is null) return UseCaseResult<CandidateScoreResponse>.NotFound();
        var scorecard = await scorecards.PublishedAsync(RunRound.PoolScorecardKey, ct);
        if (scorecard is null) return UseCaseResult<CandidateScoreResponse>.Refused("published_scorecard", $"{RunRound.PoolScorecardKey} has no published version.");
        await RecordReadAsync(actor, candidate, ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var facts = CandidateFacts.Of(candidate, today, await pool.ListsAsync(ct));
        var result = ScorecardEvaluator.Evaluate(scorecard, facts);
        var advice = ScorecardEvaluator.HowToImprove(scorecard, facts, result);
        return UseCaseResult<CandidateScoreResponse>.Ok(new CandidateScoreResponse(
            candidate.Id, result.ScorecardKey, result.ScorecardVersion, today, result.Total, result.PassMark, result.Passed,
            result.Criteria.Select(c => new CriterionScore(c.CriterionKey, c.Title, c.Fact, Plain(c.FactValue), OutcomeName(c.Outcome), c.BandIndex,
                c.BandLabel, c.BandRange, c.Points, c.PointsAfterCap, c.Group, c.Explanation)).ToList(),
            result.Groups.Select(g => new GroupScore(g.Key, g.Title, g.Cap, g.PointsBeforeCap, g.PointsAfterCap, g.CapApplied, g.Explanation)).ToList(),
            result.MissingFacts,
            advice.Select(a => new Improvement(a.CriterionKey, a.Fact, Plain(a.CurrentValue), Plain(a.SuggestedValue), a.BandLabel, a.PointsGain,
                a.TotalGain, a.Text)).ToList()));
    }

    async Task<Candidate?> VisibleAsync(Actor actor, Guid id, CancellationToken ct) =>
        await Scope(actor).FirstOrDefaultAsync(c => c.Id == id, ct);

    IQueryable<Candidate> Scope(Actor actor)
    {
        var all = db.Set<Candidate>().AsNoTracking();
        return actor.Role switch
        {
            Roles.Administrator => all,
            Roles.Migrant => all.Where(c => c.AccountId == actor.UserId),
            Roles.Officer => all.Where(c => c.CreatedBy == actor.UserId),
            _ => all.Where(_ => false),
        };
    }

    async Task RecordReadAsync(Actor actor, Candidate candidate, CancellationToken ct)
    {
        if (candidate.AccountId == actor.UserId) return;
        await audit.RecordNowAsync(actor, SelectionAuditEvents.CandidateRead, "candidate", candidate.Id.ToString(), null, ct);
    }

    async Task<InvitationSummary?> InvitationAsync(Guid id, CancellationToken ct) =>
        await (from i in db.Set<Invitation>().AsNoTracking()
               join r in db.Set<SelectionRound>().AsNoTracking() on i.RoundId equals r.Id
               where i.CandidateId == id
               select new InvitationSummary(r.Id, r.RoundKey, i.Score, i.InvitedAt, i.ApplyBy)).FirstOrDefaultAsync(ct);

    async Task<ValidationErrors> ValidateAsync(CandidateRequest r, DateOnly today, CancellationToken ct)
    {
        var e = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(r.FullName)) e.Add("fullName", "is required");
        else if (r.FullName.Trim().Length > 200) e.Add("fullName", "must be at most 200 characters");
        if (r.BirthDate is not { } birth) e.Add("birthDate", "is required (YYYY-MM-DD)");
        else if (CandidateFacts.AgeOn(birth, today) is < 16 or > 100) e.Add("birthDate", "the candidate must be between 16 and 100 years old today");
        if (string.IsNullOrWhiteSpace(r.Citizenship)) e.Add("citizenship", "is required (ISO 3166-1 alpha-2)");
        else if (await refs.CountryAsync(r.Citizenship.ToUpperInvariant(), ct) is null) e.Add("citizenship", $"'{r.Citizenship}' is not an ISO 3166-1 alpha-2 code");
        if (string.IsNullOrWhiteSpace(r.Education)) e.Add("education", "is required");
        else if (!EducationLevels.Contains(r.Education)) e.Add("education", $"'{r.Education}' is not a level; use one of {string.Join(", ", EducationLevels)}");
        if (r.ExperienceYears is null) e.Add("experienceYears", "is required (0 when none)");
        else if (r.ExperienceYears is < 0 or > 70) e.Add("experienceYears", "must be between 0 and 70");
        CheckLevel(e, "kazakhLevel", r.KazakhLevel);
        CheckLevel(e, "russianLevel", r.RussianLevel);
        CheckLevel(e, "englishLevel", r.EnglishLevel);
        if (string.IsNullOrWhiteSpace(r.OccupationCode)) e.Add("occupationCode", "is required");
        else if (await refs.OccupationAsync(r.OccupationCode, ct) is not { Level: "unit" })
            e.Add("occupationCode", $"'{r.OccupationCode}' is not an occupation of the classifier (a 4-digit NKZ/ISCO-08 unit group)");
        var hasRegion = !string.IsNullOrWhiteSpace(r.JobOfferRegionCode);
        if (hasRegion && !await refs.RegionExistsAsync(r.JobOfferRegionCode!, ct))
            e.Add("jobOfferRegionCode", $"'{r.JobOfferRegionCode}' is not a region code (ISO 3166-2:KZ)");
        if (r.OfferedMonthlySalaryKzt is { } salary && salary is <= 0 or > InputBounds.MaxMonthlySalaryKzt)
            e.Add("offeredMonthlySalaryKzt", $"must be a positive amount in KZT, at most {InputBounds.MaxMonthlySalaryKzt}");
        if (hasRegion != (r.OfferedMonthlySalaryKzt is not null))
            e.Add(hasRegion ? "offeredMonthlySalaryKzt" : "jobOfferRegionCode", "a job offer needs both the region and the offered monthly salary");
        return e;
    }

    static void CheckLevel(ValidationErrors e, string field, string? level)
    {
        if (level is not null && !LanguageLevels.Contains(level))
            e.Add(field, $"'{level}' is not a CEFR level; use one of {string.Join(", ", LanguageLevels)}");
    }

    static string Level(string? level) => string.IsNullOrEmpty(level) ? "none" : level;

    static object? Plain(FactValue? value) => value is { } v ? (object?)v.Number ?? v.Text : null;

    static string OutcomeName(FactOutcome outcome) => Platform.Data.ModelConventions.SnakeCase(outcome.ToString());

    public static CandidateResponse ToResponse(Candidate c, Actor actor, InvitationSummary? invitation) =>
        new(c.Id, c.FullName, c.BirthDate, c.Citizenship, c.Education, c.ExperienceYears, c.KazakhLevel, c.RussianLevel, c.EnglishLevel,
            c.OccupationCode, c.JobOfferRegionCode, c.OfferedMonthlySalaryKzt, c.ProfileAt, c.Channel, c.AccountId == actor.UserId, invitation);
}
