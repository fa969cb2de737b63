using Qonys.Engines.Scoring;

namespace Qonys.Web.Modules.Selection.Domain;

/// <summary>What the pool knows about the lists a candidate is checked against, on the evaluation date.</summary>
/// <param name="InDemandOccupations">Occupation codes marked in demand (ref_occupations.in_demand).</param>
/// <param name="LabourDeficitRegions">Region codes on the labour-deficit list.</param>
internal sealed record FactLists(IReadOnlySet<string> InDemandOccupations, IReadOnlySet<string> LabourDeficitRegions);

/// <summary>
/// Maps a candidate's profile to the facts of the skilled-migrant-pool scorecard (docs/scoring.md, "Web and API"):
/// <list type="bullet">
/// <item><c>age</c>: full years on the evaluation date;</item>
/// <item><c>educationLevel</c>, <c>kazakhLevel</c>, <c>russianLevel</c>, <c>englishLevel</c>: as registered;</item>
/// <item><c>experienceYears</c>: as registered;</item>
/// <item><c>occupationInDemand</c>: "yes" when the occupation is on the in-demand list, else "no";</item>
/// <item><c>jobOfferInDeficitRegion</c>: "yes" when the job offer's region is on the labour-deficit list, "no"
/// for an offer elsewhere or no offer;</item>
/// <item><c>offeredMonthlySalaryKzt</c>: the offered salary; not provided without a job offer.</item>
/// </list>
/// </summary>
internal static class CandidateFacts
{
    public const string Yes = "yes";
    public const string No = "no";

    public static Dictionary<string, FactValue> Of(Candidate c, DateOnly on, FactLists lists)
    {
        var facts = new Dictionary<string, FactValue>(StringComparer.Ordinal)
        {
            ["age"] = AgeOn(c.BirthDate, on),
            ["educationLevel"] = c.Education,
            ["experienceYears"] = (double)c.ExperienceYears,
            ["kazakhLevel"] = c.KazakhLevel,
            ["russianLevel"] = c.RussianLevel,
            ["englishLevel"] = c.EnglishLevel,
            ["occupationInDemand"] = lists.InDemandOccupations.Contains(c.OccupationCode) ? Yes : No,
            ["jobOfferInDeficitRegion"] = c.JobOfferRegionCode is { } region && lists.LabourDeficitRegions.Contains(region) ? Yes : No,
        };
        if (c.OfferedMonthlySalaryKzt is { } salary) facts["offeredMonthlySalaryKzt"] = salary;
        return facts;
    }

    /// <summary>Age in full years on <paramref name="on"/> (a birthday on 29 February counts from 1 March in other years).</summary>
    public static int AgeOn(DateOnly birth, DateOnly on)
    {
        var age = on.Year - birth.Year;
        if (on.Month < birth.Month || (on.Month == birth.Month && on.Day < birth.Day)) age--;
        return age;
    }

    /// <summary>The engine's profile of a candidate: id, profile timestamp, occupation and job-offer region (for round filters), facts.</summary>
    public static CandidateProfile Profile(Candidate c, DateOnly on, FactLists lists) =>
        new(c.Id.ToString(), new DateTimeOffset(DateTime.SpecifyKind(c.ProfileAt, DateTimeKind.Utc)), c.OccupationCode, c.JobOfferRegionCode,
            Of(c, on, lists));
}
