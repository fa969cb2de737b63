using Microsoft.EntityFrameworkCore;

namespace Qonys.Web.Platform.Reference;

public static class ReferenceEndpoints
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
        var api = app.MapGroup("/api/v1/reference").WithTags("Reference data").AllowAnonymous();

        api.MapGet("/regions", async (ReferenceData refs, CancellationToken ct) =>
            (await refs.RegionsAsync(ct)).Select(r => new RegionResponse(r.Code, N(r.Name), r.Type)));

        api.MapGet("/mci/{year:int}", async (int year, ReferenceData refs, CancellationToken ct) =>
        {
            if (year is < 1990 or > 2100)
                return UseCaseResult<MciResponse>.Invalid("year", "must be between 1990 and 2100").ToHttp();
            var mci = await refs.RuleAsync(RuleKeys.Mci, new DateOnly(year, 1, 1), ct);
            return mci is null
                ? ResultMapping.Problem(404, "Not found", $"No MCI value is on file for {year}.", "not-found")
                : TypedResults.Ok(new MciResponse(year, Normalised(mci.Value), mci.Unconfirmed, mci.Source));
        });

        api.MapGet("/countries", async (AppDb db, CancellationToken ct) =>
            (await db.Set<Country>().AsNoTracking().OrderBy(c => c.Alpha2).ToListAsync(ct))
            .Select(c => new CountryResponse(c.Alpha2, c.Alpha3, N(c.Name), c.WtoMember)));

        api.MapGet("/oked-sections", async (AppDb db, CancellationToken ct) =>
            (await db.Set<OkedSection>().AsNoTracking().OrderBy(c => c.Code).ToListAsync(ct))
            .Select(o => new CodeNameResponse(o.Code, N(o.Name))));

        api.MapGet("/occupations", async (AppDb db, CancellationToken ct) =>
            (await db.Set<Occupation>().AsNoTracking().OrderBy(c => c.Code).ToListAsync(ct))
            .Select(o => new OccupationResponse(o.Code, o.Level, o.MajorGroup, N(o.Name), o.InDemand)));

        api.MapGet("/calendar/{year:int}", async (int year, AppDb db, CancellationToken ct) =>
        {
            if (year is < 1990 or > 2100)
                return UseCaseResult<CalendarDayResponse>.Invalid("year", "must be between 1990 and 2100").ToHttp();
            var from = new DateOnly(year, 1, 1);
            var to = new DateOnly(year, 12, 31);
            return TypedResults.Ok((await db.Set<CalendarDay>().AsNoTracking().Where(d => d.Date >= from && d.Date <= to)
                    .OrderBy(d => d.Date).ToListAsync(ct))
                .Select(d => new CalendarDayResponse(d.Date, d.Kind, new NameResponse(d.NameEn, d.NameKk, d.NameRu))));
        });

        api.MapGet("/rule-values", async (AppDb db, CancellationToken ct) =>
            (await db.Set<RuleValue>().AsNoTracking().OrderBy(r => r.Key).ThenBy(r => r.EffectiveFrom).ToListAsync(ct))
            .Select(ToResponse));

        api.MapGet("/permit-fees", async (AppDb db, CancellationToken ct) => new PermitFeesResponse(
            (await db.Set<FeeSectorGroup>().AsNoTracking().OrderBy(g => g.OkedSection).ThenBy(g => g.EffectiveFrom).ToListAsync(ct))
            .Select(g => new FeeSectorGroupResponse(g.OkedSection, g.EffectiveFrom, g.SectorGroup, g.Unconfirmed, g.Source)).ToList(),
            (await db.Set<PermitFeeRate>().AsNoTracking().OrderBy(f => f.EffectiveFrom).ThenBy(f => f.Category).ThenBy(f => f.SectorGroup)
                .ThenBy(f => f.TermMonthsMax).ToListAsync(ct))
            .Select(f => new PermitFeeRateResponse(f.EffectiveFrom, f.Category, f.SectorGroup, f.TermMonthsMax, f.FeeMci, f.Unconfirmed, f.Source, f.Note))
            .ToList()));

        app.MapGroup("/api/v1/reference").WithTags("Reference data")
            .MapPost("/rule-values", async (RuleValueRequest body, HttpContext http, RuleValueEditing editing, CancellationToken ct) =>
                (await editing.AddAsync(Actor.From(http.User), body, ct)).ToHttp(location: r => $"/api/v1/reference/rule-values"))
            .RequireAuthorization(Permissions.ReferenceManage)
            .WithIdempotency();
    }

    public static RuleValueResponse ToResponse(RuleValue r) =>
        new(r.Key, r.EffectiveFrom, r.EffectiveTo, Normalised(r.Value), r.Unit, r.Unconfirmed, r.Source, r.Note);

    /// <summary>4325.0000 → 4325: values keep only the digits they need.</summary>
    static decimal Normalised(decimal value) => value / 1.000000000000000000000000000000000m;
}

/// <summary>Names of rule values used by code (the values themselves are data).</summary>
public static class RuleKeys
{
    /// <summary>The MCI of fines, taxes and fees (and of everything else outside <see cref="MciBenefits"/>'s periods).</summary>
    public const string Mci = "mci";
    /// <summary>The MCI of benefits and social payments where the budget law sets it apart from <see cref="Mci"/>.</summary>
    public const string MciBenefits = "mci.benefits";
}
