using System.Globalization;
using Qonys.Web.Platform.Reference;

namespace Qonys.Web.Modules.Compliance.Domain;

/// <summary>The provisions of the Code of Administrative Offences the platform fines under (docs/rules.md, "Offences and fines").</summary>
internal static class OffenceProvisions
{
    /// <summary>Art. 517: a foreigner breaking the rules of stay (basic offence).</summary>
    public const string Art517Basic = "517.basic";
    /// <summary>Art. 517: a foreigner overstaying (warning up to 3 days, a fine for 3–5 days).</summary>
    public const string Art517Overstay = "517.overstay";
    /// <summary>Art. 517: a foreigner working without a permit.</summary>
    public const string Art517WithoutPermit = "517.without_permit";
    /// <summary>Art. 518 p.1: the host failed to register or notify.</summary>
    public const string Art518Part1 = "518.1";
    /// <summary>Art. 518 p.2: the same, repeated within a year.</summary>
    public const string Art518Part2 = "518.2";
    /// <summary>Art. 519 p.1: an employer broke the rules of attracting foreign labour.</summary>
    public const string Art519Part1 = "519.1";
    /// <summary>Art. 519: the same, repeated (a criminal matter, no administrative fine).</summary>
    public const string Art519Repeat = "519.repeat";

    public static readonly IReadOnlyList<string> All =
        [Art517Basic, Art517Overstay, Art517WithoutPermit, Art518Part1, Art518Part2, Art519Part1, Art519Repeat];

    /// <summary>The article of a provision ("518.2" → "518").</summary>
    public static string ArticleOf(string provision) => provision[..provision.IndexOf('.', StringComparison.Ordinal)];
}

/// <summary>The size of a business offender (Entrepreneurial Code); non-profit organisations are fined as small business under Art. 518.</summary>
internal static class BusinessSize
{
    public const string Small = "small";
    public const string Medium = "medium";
    public const string Large = "large";
    public const string NonProfit = "non_profit";
}

/// <summary>The offender types of an offence record.</summary>
internal static class OffenderTypes
{
    public const string Individual = "individual";
    public const string Official = "official";
    public const string ForeignNational = "foreign_national";
    public const string IndividualEntrepreneur = "individual_entrepreneur";
    public const string LegalEntity = "legal_entity";
}

internal enum SanctionKind
{
    /// <summary>A warning: no fine.</summary>
    Warning,
    /// <summary>A fine of <see cref="Sanction.MinMci"/> to <see cref="Sanction.MaxMci"/> MCI (the same for a fixed fine).</summary>
    Fine,
    /// <summary>The provision does not fine this offender by an administrative fine (a criminal matter).</summary>
    Criminal,
    /// <summary>No value is on file for this offender under this provision (or it does not apply to them).</summary>
    NoValue,
}

/// <summary>What the law sets for an offence: the kind, the fine range in MCI, the rule value behind it and a sentence.</summary>
internal sealed record Sanction(SanctionKind Kind, int MinMci, int MaxMci, string? RuleKey, DateOnly? RuleVersion, bool Unconfirmed, string Detail);

/// <summary>The facts an offence's sanction depends on.</summary>
internal sealed record OffenceFacts(string Provision, string OffenderType, string? OffenderSize = null, int OverstayDays = 0);

/// <summary>
/// The fine scale of Art. 517–519 over rule values (pure: the caller passes the values in force on the offence date).
/// Amounts are data (rule_values.csv, <c>offence.*</c>); which value applies to which offender is the structure of the Code.
/// </summary>
internal static class OffenceFines
{
    public static Sanction For(OffenceFacts f, Func<string, RuleValue?> rule)
    {
        var business = f.OffenderType is OffenderTypes.LegalEntity or OffenderTypes.IndividualEntrepreneur;
        // An individual entrepreneur is a small business unless its size says otherwise.
        var size = business ? f.OffenderSize ?? (f.OffenderType == OffenderTypes.IndividualEntrepreneur ? BusinessSize.Small : null) : null;
        var foreigner = f.OffenderType == OffenderTypes.ForeignNational;
        switch (f.Provision)
        {
            case OffenceProvisions.Art517Basic when foreigner:
                return Fixed(rule, "offence.art517.basic.fine_mci", "Art. 517: breach of the rules of stay");
            case OffenceProvisions.Art517WithoutPermit when foreigner:
                return Fixed(rule, "offence.art517.without_permit.fine_mci",
                    "Art. 517: working without a permit (the court may instead order arrest of up to 10 days or expulsion)");
            case OffenceProvisions.Art517Overstay when foreigner:
                var warnUpTo = rule("offence.art517.overstay_warning_max_days");
                var fineUpTo = rule("offence.art517.overstay_max_days");
                if (warnUpTo is null || fineUpTo is null) return None("Art. 517: the overstay limits are not on file");
                if (f.OverstayDays <= warnUpTo.Value)
                    return Warning(string.Create(CultureInfo.InvariantCulture, $"Art. 517: an overstay of {f.OverstayDays} day(s), at most {warnUpTo.Value:0}: a warning"));
                if (f.OverstayDays <= fineUpTo.Value)
                    return Fixed(rule, "offence.art517.overstay.fine_mci", string.Create(CultureInfo.InvariantCulture, $"Art. 517: an overstay of {f.OverstayDays} days"));
                return None(string.Create(CultureInfo.InvariantCulture, $"Art. 517: an overstay of more than {fineUpTo.Value:0} days is beyond the scale on file"));
            case OffenceProvisions.Art518Part1:
                return f.OffenderType switch
                {
                    OffenderTypes.Individual => Warning("Art. 518 p.1: an individual host gets a warning"),
                    OffenderTypes.Official => Fixed(rule, "offence.art518.p1.fine_mci.official", "Art. 518 p.1: an official"),
                    _ when business => Fixed(rule, Art518Part1Key(size), $"Art. 518 p.1: a {SizeName(size)}"),
                    _ => None("Art. 518 does not apply to a foreign national"),
                };
            case OffenceProvisions.Art518Part2:
                if (f.OffenderType == OffenderTypes.Individual)
                    return Fixed(rule, "offence.art518.p2.fine_mci.individual", "Art. 518 p.2: repeated within a year by an individual");
                if (!business) return None("Art. 518 p.2: no value is on file for this offender");
                var first = rule(Art518Part1Key(size));
                var max = rule("offence.art518.p2.fine_mci.business_max");
                if (first is null || max is null) return None("Art. 518 p.2: the business scale is not on file");
                var ban = rule("offence.art518.p2.invitation_ban_months");
                return new Sanction(SanctionKind.Fine, (int)first.Value, (int)max.Value, "offence.art518.p2.fine_mci.business_max", max.EffectiveFrom,
                    max.Unconfirmed || first.Unconfirmed, string.Create(CultureInfo.InvariantCulture,
                        $"Art. 518 p.2: repeated within a year by a {SizeName(size)}: {first.Value:0}–{max.Value:0} MCI and no invitations of foreigners for {ban?.Value ?? 12:0} months"));
            case OffenceProvisions.Art519Part1:
                return f.OffenderType switch
                {
                    OffenderTypes.Individual => Fixed(rule, "offence.art519.p1.fine_mci.individual", "Art. 519 p.1: an individual employer"),
                    _ when business && size is BusinessSize.Small or BusinessSize.Medium or BusinessSize.Large =>
                        Fixed(rule, "offence.art519.p1.fine_mci." + size, $"Art. 519 p.1: a {SizeName(size)}"),
                    _ => None("Art. 519 p.1: no value is on file for this offender (officials: unconfirmed)"),
                };
            case OffenceProvisions.Art519Repeat:
                return new Sanction(SanctionKind.Criminal, 0, 0, null, null, false, "Art. 519 repeated: a criminal matter, no administrative fine");
            default:
                return None($"{f.Provision} does not apply to an offender of type {f.OffenderType}");
        }
    }

    static string Art518Part1Key(string? size) => size switch
    {
        BusinessSize.Medium => "offence.art518.p1.fine_mci.medium",
        BusinessSize.Large => "offence.art518.p1.fine_mci.large",
        _ => "offence.art518.p1.fine_mci.small", // small business and non-profit organisations
    };

    static string SizeName(string? size) => size switch
    {
        BusinessSize.Medium => "medium business",
        BusinessSize.Large => "large business",
        BusinessSize.NonProfit => "non-profit organisation",
        _ => "small business",
    };

    static Sanction Fixed(Func<string, RuleValue?> rule, string key, string what) =>
        rule(key) is { } v
            ? new Sanction(SanctionKind.Fine, (int)v.Value, (int)v.Value, key, v.EffectiveFrom, v.Unconfirmed,
                string.Create(CultureInfo.InvariantCulture, $"{what}: {v.Value:0} MCI"))
            : None($"{what}: no value of {key} is in force");

    static Sanction Warning(string detail) => new(SanctionKind.Warning, 0, 0, null, null, false, detail);

    static Sanction None(string detail) => new(SanctionKind.NoValue, 0, 0, null, null, false, detail);
}
