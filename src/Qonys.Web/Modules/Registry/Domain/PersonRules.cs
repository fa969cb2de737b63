using System.Globalization;

namespace Qonys.Web.Modules.Registry.Domain;

/// <summary>
/// The checks of a citizen's register fields (the persons import): a valid IIN whose first seven digits agree with the
/// birth date (YYMMDD, then the century and sex digit: 1–2 born in the 1800s, 3–4 in the 1900s, 5–6 in the 2000s; odd
/// male, even female), a name, a birth date that is a real past day, and a region of the reference data.
/// </summary>
internal static class PersonRules
{
    public const int MaxNameLength = 300;
    static readonly DateOnly Earliest = new(1900, 1, 1);

    /// <summary>The birth date, or null with the problems (API names: iin, fullName, birthDate, regionCode) added.</summary>
    public static DateOnly? Check(ValidationErrors errors, string? iin, string? fullName, string? birthDate, string? regionCode,
        ReferenceSnapshot refs, DateOnly today)
    {
        var iinProblem = IdentificationNumber.Problem(iin);
        if (iinProblem is not null) errors.Add("iin", "IIN " + iinProblem);
        if (string.IsNullOrWhiteSpace(fullName)) errors.Add("fullName", "is required");
        else if (fullName.Length > MaxNameLength) errors.Add("fullName", $"must be at most {MaxNameLength} characters");
        DateOnly? born = null;
        if (string.IsNullOrWhiteSpace(birthDate)) errors.Add("birthDate", "is required (YYYY-MM-DD)");
        else if (!DateOnly.TryParseExact(birthDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            errors.Add("birthDate", $"'{birthDate}' is not a date (YYYY-MM-DD)");
        else if (parsed > today) errors.Add("birthDate", "is in the future");
        else if (parsed < Earliest) errors.Add("birthDate", "is before 1900");
        else born = parsed;
        if (iinProblem is null && born is { } day && BirthDateOf(iin!) != day)
            errors.Add("iin", $"IIN does not encode the birth date {day:yyyy-MM-dd}");
        if (string.IsNullOrWhiteSpace(regionCode)) errors.Add("regionCode", "is required");
        else if (!refs.Regions.ContainsKey(regionCode))
            errors.Add("regionCode", $"'{regionCode}' is not a region code (ISO 3166-2:KZ, e.g. KZ-35)");
        return errors.Any ? null : born;
    }

    /// <summary>The birth date an individual's IIN encodes, or null when its first seven digits are no date.</summary>
    public static DateOnly? BirthDateOf(string iin)
    {
        var century = iin[6] switch { '1' or '2' => 1800, '3' or '4' => 1900, '5' or '6' => 2000, _ => -1 };
        if (century < 0) return null;
        var year = century + int.Parse(iin.AsSpan(0, 2), CultureInfo.InvariantCulture);
        var month = int.Parse(iin.AsSpan(2, 2), CultureInfo.InvariantCulture);
        var day = int.Parse(iin.AsSpan(4, 2), CultureInfo.InvariantCulture);
        return month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
    }

    /// <summary>"M" or "F" from an individual's IIN (the seventh digit: odd male, even female).</summary>
    public static string SexOf(string iin) => (iin[6] - '0') % 2 == 1 ? "M" : "F";
}
