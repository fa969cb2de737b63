namespace Qonys.Web.Platform.UseCases;

/// <summary>
/// The ranges request fields are held to where no rule of their own bounds them (docs/api.md "Ranges"): a value
/// outside is refused with a 400 naming the field, so no far-future date freezes a rule and no amount overflows a sum.
/// </summary>
internal static class InputBounds
{
    /// <summary>No birth date before this is plausible.</summary>
    public static readonly DateOnly EarliestBirthDate = new(1900, 1, 1);

    /// <summary>A new rule value starts at most this many years after today.</summary>
    public const int RuleValueYearsAhead = 5;

    /// <summary>A vacancy offered to the local labour market was published at most this many days before the application.</summary>
    public const int VacancyPublishedWithinDays = 365;

    /// <summary>The largest monthly salary in KZT a request may state (a billion: far above any real one, far below overflow).</summary>
    public const long MaxMonthlySalaryKzt = 1_000_000_000;

    /// <summary>The largest amount in US dollars (a business's annual turnover).</summary>
    public const decimal MaxAmountUsd = 1_000_000_000_000m;

    /// <summary>The most years a business can have operated.</summary>
    public const int MaxBusinessYears = 200;

    /// <summary>The largest quota cap (permits per region, category and year).</summary>
    public const int MaxQuotaCap = 1_000_000;

    /// <summary>Why <paramref name="birth"/> is not a plausible birth date on <paramref name="today"/>, or null.</summary>
    public static string? BirthDateProblem(DateOnly birth, DateOnly today) =>
        birth > today ? "must not be in the future" : birth < EarliestBirthDate ? $"must not be before {EarliestBirthDate:yyyy-MM-dd}" : null;
}
