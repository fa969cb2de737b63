namespace Qonys.Web.Platform.Reference;

/// <summary>A fee rate found for a permit, with the sector group it was chosen by (null when the rate is the same in every group).</summary>
internal sealed record FeeRateQuote(PermitFeeRate Rate, FeeSectorGroup? Group)
{
    /// <summary>Unconfirmed when the rate is, or when it depends on a sector group whose membership is.</summary>
    public bool Unconfirmed => Rate.Unconfirmed || Group is { Unconfirmed: true };

    /// <summary>The rule version of the fee: the date the rate took effect.</summary>
    public DateOnly Version => Rate.EffectiveFrom;
}

/// <summary>
/// The permit fee table over time (docs/rules.md, "Fee"): an OKED section belongs to a fee sector group from a date on; a
/// rate is set for a category and a sector group (or <see cref="AnySector"/>) from a date on, in term bands. The rate on a
/// day is the band of the latest version in force that is the narrowest covering the term.
/// </summary>
internal sealed class FeeTable
{
    /// <summary>The sector group of a rate that is the same in every sector (seasonal work, ICT).</summary>
    public const string AnySector = "*";

    readonly ILookup<string, PermitFeeRate> _rates;
    readonly ILookup<string, FeeSectorGroup> _groups;

    public FeeTable(IEnumerable<PermitFeeRate> rates, IEnumerable<FeeSectorGroup> groups)
    {
        _rates = rates.ToLookup(r => r.Category, StringComparer.Ordinal);
        _groups = groups.ToLookup(g => g.OkedSection, StringComparer.Ordinal);
    }

    /// <summary>The sector group of an OKED section on a day, or null.</summary>
    public FeeSectorGroup? GroupOf(string okedSection, DateOnly on) =>
        _groups[okedSection].Where(g => g.EffectiveFrom <= on).MaxBy(g => g.EffectiveFrom);

    /// <summary>The rate of a permit of <paramref name="months"/> months submitted on <paramref name="on"/>, or null when none is on file.</summary>
    public FeeRateQuote? Find(string category, string okedSection, int months, DateOnly on)
    {
        var group = GroupOf(okedSection, on);
        var inForce = _rates[category].Where(r => r.EffectiveFrom <= on).ToList();
        var specific = group is null ? [] : inForce.Where(r => r.SectorGroup == group.SectorGroup).ToList();
        var (candidates, by) = specific.Count > 0
            ? (specific, group)
            : (inForce.Where(r => r.SectorGroup == AnySector).ToList(), null);
        if (candidates.Count == 0) return null;
        var version = candidates.Max(r => r.EffectiveFrom);
        var band = candidates.Where(r => r.EffectiveFrom == version && r.TermMonthsMax >= months).MinBy(r => r.TermMonthsMax);
        return band is null ? null : new FeeRateQuote(band, by);
    }
}
