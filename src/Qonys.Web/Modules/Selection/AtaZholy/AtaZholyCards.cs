using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qonys.Engines.Scoring;
using Qonys.Web.Modules.Selection.Domain;
using Qonys.Web.Modules.Selection.Scorecards;

namespace Qonys.Web.Modules.Selection.AtaZholy;

internal sealed record EligibilityRequest(string? Profession, bool? OperatesBusinessAbroad, decimal? BusinessYearsOperating, decimal? BusinessAnnualTurnoverUsd);

internal sealed record AtaZholyApplicationRequest(
    string? FullName, DateOnly? BirthDate, string? Citizenship, string? Profession, bool? OperatesBusinessAbroad,
    decimal? BusinessYearsOperating, decimal? BusinessAnnualTurnoverUsd, int? TermYears);

internal sealed record PathwayResponse(string Pathway, bool Met, string Reason);

internal sealed record EligibilityResponse(bool Eligible, int? CardTermYears, IReadOnlyList<PathwayResponse> Pathways);

internal sealed record AtaZholyListsResponse(IReadOnlyList<string> SimplifiedCitizenshipProfessions, IReadOnlyList<string> PermanentResidenceProfessions,
    decimal MinYearsOperating, decimal MinAnnualTurnoverUsd, int CardTermYears);

internal sealed record AtaZholyApplicationResponse(
    Guid Id, string FullName, DateOnly BirthDate, string Citizenship, string? Profession, int TermYears, DateOnly ValidFrom, DateOnly ValidUntil,
    string Status, EligibilityResponse Decision, DateTime CreatedAt);

/// <summary>
/// Ata Zholy card: the list-based eligibility check of the engine (<see cref="AtaZholyEligibility"/>) over the lists kept as
/// reference data (selection_list_entries), and the application for a card of up to 10 years. An applicant who meets no
/// pathway is refused (422, rule <c>ata_zholy_eligibility</c>) and nothing is saved.
/// </summary>
internal sealed class AtaZholyCards(AppDb db, ReferenceData refs, AuditLog audit, TimeProvider clock)
{
    public const string EligibilityRule = "ata_zholy_eligibility";

    public async Task<AtaZholyLists> ListsAsync(CancellationToken ct)
    {
        var rows = await db.Set<SelectionListEntry>().AsNoTracking().Where(e => e.List.StartsWith("ata_zholy_")).ToListAsync(ct);
        decimal Term(string entry) => rows.First(r => r.List == SelectionLists.AtaZholyTerms && r.Entry == entry).Value
                                      ?? throw new InvalidOperationException($"Ata Zholy term {entry} has no value");
        return new AtaZholyLists
        {
            SimplifiedCitizenshipProfessions = rows.Where(r => r.List == SelectionLists.AtaZholySimplifiedCitizenship).Select(r => r.Entry).Order().ToList(),
            PermanentResidenceProfessions = rows.Where(r => r.List == SelectionLists.AtaZholyPermanentResidence).Select(r => r.Entry).Order().ToList(),
            BusinessAbroad = new BusinessAbroadCriteria(Term("min_years_operating"), Term("min_annual_turnover_usd")),
            CardTermYears = (int)Term("card_term_years"),
        };
    }

    public async Task<AtaZholyListsResponse> ListsResponseAsync(CancellationToken ct)
    {
        var l = await ListsAsync(ct);
        return new AtaZholyListsResponse(l.SimplifiedCitizenshipProfessions, l.PermanentResidenceProfessions, l.BusinessAbroad.MinYearsOperating,
            l.BusinessAbroad.MinAnnualTurnoverUsd, l.CardTermYears);
    }

    public async Task<UseCaseResult<EligibilityResponse>> CheckAsync(EligibilityRequest? r, CancellationToken ct)
    {
        var e = new ValidationErrors();
        var applicant = Applicant(r?.Profession, r?.OperatesBusinessAbroad, r?.BusinessYearsOperating, r?.BusinessAnnualTurnoverUsd, e);
        if (e.Any) return UseCaseResult<EligibilityResponse>.Invalid(e);
        return UseCaseResult<EligibilityResponse>.Ok(ToResponse(AtaZholyEligibility.Check(applicant, await ListsAsync(ct))));
    }

    public async Task<UseCaseResult<AtaZholyApplicationResponse>> ApplyAsync(Actor actor, AtaZholyApplicationRequest? r, CancellationToken ct)
    {
        var e = new ValidationErrors();
        if (r is null) return UseCaseResult<AtaZholyApplicationResponse>.Invalid("body", "send the application");
        if (string.IsNullOrWhiteSpace(r.FullName)) e.Add("fullName", "is required");
        else if (r.FullName.Trim().Length > 200) e.Add("fullName", "must be at most 200 characters");
        if (r.BirthDate is null) e.Add("birthDate", "is required (YYYY-MM-DD)");
        else if (InputBounds.BirthDateProblem(r.BirthDate.Value, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)) is { } birthProblem)
            e.Add("birthDate", birthProblem);
        if (string.IsNullOrWhiteSpace(r.Citizenship)) e.Add("citizenship", "is required (ISO 3166-1 alpha-2)");
        else if (await refs.CountryAsync(r.Citizenship.ToUpperInvariant(), ct) is null) e.Add("citizenship", $"'{r.Citizenship}' is not an ISO 3166-1 alpha-2 code");
        if (r.TermYears is { } t && (t < 1 || t > AtaZholyEligibility.MaxCardTermYears))
            e.Add("termYears", $"must be between 1 and {AtaZholyEligibility.MaxCardTermYears}");
        var applicant = Applicant(r.Profession, r.OperatesBusinessAbroad, r.BusinessYearsOperating, r.BusinessAnnualTurnoverUsd, e);
        if (e.Any) return UseCaseResult<AtaZholyApplicationResponse>.Invalid(e);

        var decision = AtaZholyEligibility.Check(applicant, await ListsAsync(ct));
        if (!decision.Eligible)
            return UseCaseResult<AtaZholyApplicationResponse>.Refused(EligibilityRule,
                "No Ata Zholy pathway is met: " + string.Join(" ", decision.Pathways.Select(p => p.Reason)));
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var term = Math.Min(r.TermYears ?? decision.CardTermYears ?? AtaZholyEligibility.MaxCardTermYears, decision.CardTermYears ?? AtaZholyEligibility.MaxCardTermYears);
        var application = new AtaZholyApplication
        {
            Id = Guid.CreateVersion7(), AccountId = actor.Role == Roles.Migrant ? actor.UserId : null, FullName = r.FullName!.Trim(),
            BirthDate = r.BirthDate!.Value, Citizenship = r.Citizenship!.ToUpperInvariant(), Profession = applicant.Profession,
            OperatesBusinessAbroad = applicant.OperatesBusinessAbroad, BusinessYearsOperating = applicant.BusinessYearsOperating,
            BusinessAnnualTurnoverUsd = applicant.BusinessAnnualTurnoverUsd, TermYears = term, ValidFrom = today,
            ValidUntil = today.AddYears(term).AddDays(-1), DecisionJson = JsonSerializer.Serialize(ToResponse(decision), JsonSerializerOptions.Web),
            CreatedBy = actor.UserId, CreatedAt = now,
        };
        db.Add(application);
        audit.Record(actor, SelectionAuditEvents.AtaZholyApplied, "ata_zholy_application", application.Id.ToString(),
            new { term, pathways = decision.Pathways.Where(p => p.Met).Select(p => p.Pathway.ToString()).ToList() });
        await db.SaveChangesAsync(ct);
        return UseCaseResult<AtaZholyApplicationResponse>.Created(ToResponse(application));
    }

    /// <summary>
    /// An application, to its applicant's account, the account that filed it and administrators; anyone else signed in
    /// is told it does not exist (404, audited as out of scope) — the same answer as for an unknown id.
    /// </summary>
    public async Task<UseCaseResult<AtaZholyApplicationResponse>> GetAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var a = await db.Set<AtaZholyApplication>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null) return UseCaseResult<AtaZholyApplicationResponse>.NotFound();
        if (!(actor.Role == Roles.Administrator || a.CreatedBy == actor.UserId || a.AccountId == actor.UserId))
        {
            await audit.RecordNowAsync(actor, PlatformAuditEvents.RecordOutOfScope, "ata_zholy_application", id.ToString(), ct: ct);
            return UseCaseResult<AtaZholyApplicationResponse>.NotFound();
        }
        if (a.AccountId != actor.UserId)
            await audit.RecordNowAsync(actor, SelectionAuditEvents.AtaZholyApplicationRead, "ata_zholy_application", id.ToString(), ct: ct);
        return UseCaseResult<AtaZholyApplicationResponse>.Ok(ToResponse(a));
    }

    static AtaZholyApplicant Applicant(string? profession, bool? business, decimal? years, decimal? turnover, ValidationErrors e)
    {
        if (string.IsNullOrWhiteSpace(profession) && business != true)
            e.Add("profession", "give the profession, or operatesBusinessAbroad with the business's years and turnover");
        if (profession is { Length: > 200 }) e.Add("profession", "must be at most 200 characters");
        if (years is < 0 or > InputBounds.MaxBusinessYears) e.Add("businessYearsOperating", $"must be between 0 and {InputBounds.MaxBusinessYears}");
        if (turnover is < 0 or > InputBounds.MaxAmountUsd)
            e.Add("businessAnnualTurnoverUsd", $"must be between 0 and {InputBounds.MaxAmountUsd} US dollars");
        return new AtaZholyApplicant
        {
            Profession = string.IsNullOrWhiteSpace(profession) ? null : profession.Trim(), OperatesBusinessAbroad = business == true,
            BusinessYearsOperating = years, BusinessAnnualTurnoverUsd = turnover,
        };
    }

    static EligibilityResponse ToResponse(AtaZholyDecision d) =>
        new(d.Eligible, d.CardTermYears, d.Pathways.Select(p => new PathwayResponse(ModelConventions.SnakeCase(p.Pathway.ToString()), p.Met, p.Reason)).ToList());

    static AtaZholyApplicationResponse ToResponse(AtaZholyApplication a) =>
        new(a.Id, a.FullName, a.BirthDate, a.Citizenship, a.Profession, a.TermYears, a.ValidFrom, a.ValidUntil, a.Status,
            JsonSerializer.Deserialize<EligibilityResponse>(a.DecisionJson, JsonSerializerOptions.Web)!, a.CreatedAt);
}
