using Microsoft.EntityFrameworkCore;
using Qonys.Web.Modules.Selection.Domain;
using EngineRoundRequest = Qonys.Engines.Scoring.RoundRequest;

namespace Qonys.Web.Modules.Selection.Rounds;

/// <summary>Validates what a round (or a what-if) is asked: a name, the number of invitations, optional occupation and region filters.</summary>
internal sealed class RoundOrders(AppDb db)
{
    public const int MaxInvitations = 100_000;
    public const int MaxRoundKeyLength = 80;

    public async Task<UseCaseResult<RoundOrder>> ValidateAsync(string? roundKey, int? invitations, IReadOnlyList<string>? occupationCodes,
        IReadOnlyList<string>? regionCodes, CancellationToken ct)
    {
        var e = new ValidationErrors();
        var key = roundKey?.Trim() ?? "";
        if (key.Length == 0) e.Add("roundKey", "is required: name the round (unique per day), e.g. \"2026-04 general\"");
        else if (key.Length > MaxRoundKeyLength) e.Add("roundKey", $"must be at most {MaxRoundKeyLength} characters");
        if (invitations is null) e.Add("invitations", "is required");
        else if (invitations is < 1 or > MaxInvitations) e.Add("invitations", $"must be between 1 and {MaxInvitations}");
        var occupations = Clean(occupationCodes);
        if (occupations.Count > 0)
        {
            var known = await db.Set<Occupation>().AsNoTracking().Where(o => occupations.Contains(o.Code) && o.Level == "unit")
                .Select(o => o.Code).ToListAsync(ct);
            for (var i = 0; i < occupations.Count; i++)
                if (!known.Contains(occupations[i]))
                    e.Add($"occupationCodes[{i}]", $"'{occupations[i]}' is not an occupation of the classifier (a 4-digit NKZ/ISCO-08 unit group)");
        }
        var regions = Clean(regionCodes);
        if (regions.Count > 0)
        {
            var known = await db.Set<Region>().AsNoTracking().Where(r => regions.Contains(r.Code)).Select(r => r.Code).ToListAsync(ct);
            for (var i = 0; i < regions.Count; i++)
                if (!known.Contains(regions[i])) e.Add($"regionCodes[{i}]", $"'{regions[i]}' is not a region code (ISO 3166-2:KZ)");
        }
        return e.Any ? UseCaseResult<RoundOrder>.Invalid(e) : UseCaseResult<RoundOrder>.Ok(new RoundOrder(key, invitations!.Value, occupations, regions));
    }

    /// <summary>The engine's request for an order (filters on the occupation and the job-offer region).</summary>
    public static EngineRoundRequest Request(RoundOrder order, IReadOnlySet<string>? excluded) => new()
    {
        Invitations = order.Invitations,
        Occupations = order.OccupationCodes.Count == 0 ? null : order.OccupationCodes.ToHashSet(StringComparer.Ordinal),
        Regions = order.RegionCodes.Count == 0 ? null : order.RegionCodes.ToHashSet(StringComparer.Ordinal),
        ExcludedIds = excluded,
    };

    static List<string> Clean(IReadOnlyList<string>? codes) =>
        (codes ?? []).Select(c => (c ?? "").Trim()).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToList();
}
