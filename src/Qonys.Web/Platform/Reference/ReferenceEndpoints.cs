using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qonys.Web.Platform.OpenApi;

namespace Qonys.Web.Platform.Reference;

internal static class ReferenceEndpoints
{
    public sealed record RegionResponse(string Code, NameResponse Name, string Type);
    public sealed record NameResponse(string En, string Kk, string Ru);
    public sealed record MciResponse(int Year, decimal Kzt, bool Unconfirmed, string Source);
    public sealed record CountryResponse(string Alpha2, string Alpha3, NameResponse Name, bool WtoMember);
    public sealed record CodeNameResponse(string Code, NameResponse Name);
    public sealed record OccupationResponse(string Code, string Level, string MajorGroup, NameResponse Name, bool InDemand);
    public sealed record CalendarDayResponse(DateOnly Date, string Kind, NameResponse Name);
    public sealed record RuleValueResponse(string Key, DateOnly EffectiveFrom, DateOnly? EffectiveTo, decimal Value, string Unit,
        bool Unconfirmed, string Source, string Note);
    public sealed record FeeSectorGroupResponse(string OkedSection, DateOnly EffectiveFrom, string SectorGroup, bool Unconfirmed, string Source);
    public sealed record PermitFeeRateResponse(DateOnly EffectiveFrom, string Category, string SectorGroup, int TermMonthsMax, int FeeMci,
        bool Unconfirmed, string Source, string Note);
    public sealed record PermitFeesResponse(IReadOnlyList<FeeSectorGroupResponse> SectorGroups, IReadOnlyList<PermitFeeRateResponse> Rates);

    static NameResponse N(LocalizedName n) => new(n.En, n.Kk, n.Ru);

    /// <summary>Reference data is public information: readable without signing in.</summary>
    public static void MapReferenceApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/reference")
            .WithTag("Reference data", "Regions, countries, OKED sections, occupations, the working calendar, " +
                                       "the MCI and the rule values with their effective dates.");
        var reference = api.MapGroup("").AllowAnonymous();
        reference.MapGet("/regions", Regions).WithName("ListRegions")
            .WithSummary("The 20 regions (oblasts and cities of republican significance) with kk/ru/en names.");
        reference.MapGet("/mci/{year:int}", Mci).WithName("GetMci")
            .WithSummary("The monthly calculation index (MCI) in force on 1 January of a year.");
        reference.MapGet("/countries", Countries).WithName("ListCountries")
            .WithSummary("Countries (ISO 3166-1) with names and WTO membership.");
        reference.MapGet("/oked-sections", OkedSections).WithName("ListOkedSections")
            .WithSummary("The sections of the OKED economic activity classification.");
        reference.MapGet("/occupations", Occupations).WithName("ListOccupations")
            .WithSummary("Occupations (NKZ codes) with their level, major group and whether they are in demand.");
        reference.MapGet("/calendar/{year:int}", Calendar).WithName("GetWorkingCalendar")
            .WithSummary("The holidays and moved working days of a year.");
        reference.MapGet("/rule-values", RuleValues).WithName("ListRuleValues")
            .WithSummary("Every rule value with its effective dates, unit and source; (u) marks unconfirmed ones.");
        reference.MapGet("/permit-fees", PermitFees).WithName("ListPermitFees")
            .WithSummary("The fee sector group of each OKED section and every permit fee rate by date, category, group and term.");

        api.MapPost("/rule-values", AddRuleValue).WithName("AddRuleValue")
            .RequireAuthorization(Permissions.ReferenceManage)
            .WithIdempotency()
            .WithSummary("A new value of a rule from a date; the previous period closes (audited).");
    }

    static async Task<Ok<List<RegionResponse>>> Regions(ReferenceData refs, CancellationToken ct) =>
        TypedResults.Ok((await refs.RegionsAsync(ct))
            .Select(r => new RegionResponse(r.Code, N(r.Name), r.Type)).ToList());

    static async Task<Results<Ok<MciResponse>, ValidationProblem, NotFoundProblem>> Mci(
        int year, ReferenceData refs, CancellationToken ct)
    {
        if (year is < 1990 or > 2100) return YearOutOfRange();
        var mci = await refs.RuleAsync(RuleKeys.Mci, new DateOnly(year, 1, 1), ct);
        return mci is null
            ? NotFoundProblem.Of($"No MCI value is on file for {year}.")
            : TypedResults.Ok(new MciResponse(year, Normalised(mci.Value), mci.Unconfirmed, mci.Source));
    }

    static async Task<Ok<List<CountryResponse>>> Countries(AppDb db, CancellationToken ct) =>
        TypedResults.Ok((await db.Set<Country>().AsNoTracking().OrderBy(c => c.Alpha2).ToListAsync(ct))
            .Select(c => new CountryResponse(c.Alpha2, c.Alpha3, N(c.Name), c.WtoMember)).ToList());

    static async Task<Ok<List<CodeNameResponse>>> OkedSections(AppDb db, CancellationToken ct) =>
        TypedResults.Ok((await db.Set<OkedSection>().AsNoTracking().OrderBy(c => c.Code).ToListAsync(ct))
            .Select(o => new CodeNameResponse(o.Code, N(o.Name))).ToList());

    static async Task<Ok<List<OccupationResponse>>> Occupations(AppDb db, CancellationToken ct) =>
        TypedResults.Ok((await db.Set<Occupation>().AsNoTracking().OrderBy(c => c.Code).ToListAsync(ct))
            .Select(o => new OccupationResponse(o.Code, o.Level, o.MajorGroup, N(o.Name), o.InDemand)).ToList());

    static async Task<Results<Ok<List<CalendarDayResponse>>, ValidationProblem>> Calendar(
        int year, AppDb db, CancellationToken ct)
    {
        if (year is < 1990 or > 2100) return YearOutOfRange();
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        return TypedResults.Ok((await db.Set<CalendarDay>().AsNoTracking().Where(d => d.Date >= from && d.Date <= to)
                .OrderBy(d => d.Date).ToListAsync(ct))
            .Select(d => new CalendarDayResponse(d.Date, d.Kind, new NameResponse(d.NameEn, d.NameKk, d.NameRu)))
            .ToList());
    }

    static ValidationProblem YearOutOfRange() =>
        ResultMapping.Validation(ValidationErrors.Of("year", "must be between 1990 and 2100").ToDictionary());

    static async Task<Ok<List<RuleValueResponse>>> RuleValues(AppDb db, CancellationToken ct) =>
        TypedResults.Ok((await db.Set<RuleValue>().AsNoTracking().OrderBy(r => r.Key).ThenBy(r => r.EffectiveFrom)
            .ToListAsync(ct)).Select(ToResponse).ToList());

    static async Task<Ok<PermitFeesResponse>> PermitFees(AppDb db, CancellationToken ct) =>
        TypedResults.Ok(new PermitFeesResponse(
            (await db.Set<FeeSectorGroup>().AsNoTracking().OrderBy(g => g.OkedSection).ThenBy(g => g.EffectiveFrom).ToListAsync(ct))
            .Select(g => new FeeSectorGroupResponse(g.OkedSection, g.EffectiveFrom, g.SectorGroup, g.Unconfirmed, g.Source)).ToList(),
            (await db.Set<PermitFeeRate>().AsNoTracking().OrderBy(f => f.EffectiveFrom).ThenBy(f => f.Category).ThenBy(f => f.SectorGroup)
                .ThenBy(f => f.TermMonthsMax).ToListAsync(ct))
            .Select(f => new PermitFeeRateResponse(f.EffectiveFrom, f.Category, f.SectorGroup, f.TermMonthsMax, f.FeeMci, f.Unconfirmed,
                f.Source, f.Note))
            .ToList()));

    static async Task<Results<Created<RuleValueResponse>, ValidationProblem, ConflictProblem>> AddRuleValue(
        RuleValueRequest body, Actor actor, RuleValueEditing editing, CancellationToken ct) =>
        (await editing.AddAsync(actor, body, ct)).ToHttp(r => TypedResults.Created("/api/v1/reference/rule-values", r),
            Refusals.Invalid, Refusals.Conflict);

    public static RuleValueResponse ToResponse(RuleValue r) =>
        new(r.Key, r.EffectiveFrom, r.EffectiveTo, Normalised(r.Value), r.Unit, r.Unconfirmed, r.Source, r.Note);

    /// <summary>4325.0000 → 4325: values keep only the digits they need.</summary>
    static decimal Normalised(decimal value) => value / 1.000000000000000000000000000000000m;
}

/// <summary>Names of rule values used by code (the values themselves are data).</summary>
internal static class RuleKeys
{
    /// <summary>The MCI of fines, taxes and fees (and of everything else outside <see cref="MciBenefits"/>'s periods).</summary>
    public const string Mci = "mci";
    /// <summary>The MCI of benefits and social payments where the budget law sets it apart from <see cref="Mci"/>.</summary>
    public const string MciBenefits = "mci.benefits";
}
