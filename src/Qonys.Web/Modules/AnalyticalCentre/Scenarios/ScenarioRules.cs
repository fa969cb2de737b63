using Qonys.Engines.Demography;

namespace Qonys.Web.Modules.AnalyticalCentre.Scenarios;

/// <summary>
/// What a stored policy scenario must satisfy before the engine sees it: a name, regions that exist, years inside
/// the projection period (first ≤ last), age bands inside 0 … 100, counts ≥ 0 (families, family members), shares in
/// [0, 1]. A labour intake may be negative (a cut in the intake, as the engine documents). Errors are keyed by the
/// JSON field, e.g. "resettlements.0.familiesPerYear".
/// </summary>
internal static class ScenarioRules
{
    public const int MaxNameLength = 200;
    public const int FirstYear = ProjectionSettings.BaseYear;
    public const int LastYear = 2100;
    public const double MaxLifeExpectancyShift = 15;
    public const double MaxCount = 10_000_000;

    public static ValidationErrors Validate(ScenarioDefinition? scenario, IReadOnlySet<string> regionCodes)
    {
        var errors = new ValidationErrors();
        if (scenario is null)
        {
            errors.Add("body", "a scenario definition is required");
            return errors;
        }
        if (string.IsNullOrWhiteSpace(scenario.Name)) errors.Add("name", "is required");
        else if (scenario.Name.Length > MaxNameLength) errors.Add("name", $"is longer than {MaxNameLength} characters");
        if (!Enum.IsDefined(scenario.Fertility)) errors.Add("fertility", "must be Medium, Low or High");
        if (!double.IsFinite(scenario.LifeExpectancyShiftYears)
            || Math.Abs(scenario.LifeExpectancyShiftYears) > MaxLifeExpectancyShift)
        {
            errors.Add("lifeExpectancyShiftYears",
                $"must be between -{MaxLifeExpectancyShift} and {MaxLifeExpectancyShift} years");
        }

        var resettlements = scenario.Resettlements ?? [];
        for (var i = 0; i < resettlements.Count; i++)
        {
            var p = resettlements[i];
            var field = $"resettlements.{i}";
            if (p is null) { errors.Add(field, "is empty"); continue; }
            Region(errors, $"{field}.fromRegion", p.FromRegion, regionCodes);
            Region(errors, $"{field}.toRegion", p.ToRegion, regionCodes);
            if (p.FromRegion is not null && p.FromRegion == p.ToRegion)
                errors.Add($"{field}.toRegion", "must differ from fromRegion");
            Count(errors, $"{field}.familiesPerYear", p.FamiliesPerYear);
            Years(errors, field, p.FirstYear, p.LastYear);
            var family = p.Family ?? [];
            if (family.Count == 0) errors.Add($"{field}.family", "needs at least one member");
            for (var m = 0; m < family.Count; m++)
            {
                var member = family[m];
                var memberField = $"{field}.family.{m}";
                if (member is null) { errors.Add(memberField, "is empty"); continue; }
                if (!Enum.IsDefined(member.Sex)) errors.Add($"{memberField}.sex", "must be Male or Female");
                Ages(errors, memberField, member.AgeFrom, member.AgeTo);
                Count(errors, $"{memberField}.count", member.Count);
            }
        }

        var intakes = scenario.LabourIntakes ?? [];
        for (var i = 0; i < intakes.Count; i++)
        {
            var l = intakes[i];
            var field = $"labourIntakes.{i}";
            if (l is null) { errors.Add(field, "is empty"); continue; }
            Region(errors, $"{field}.region", l.Region, regionCodes);
            if (!double.IsFinite(l.PersonsPerYear) || Math.Abs(l.PersonsPerYear) > MaxCount)
                errors.Add($"{field}.personsPerYear", $"must be a number between -{MaxCount:0} and {MaxCount:0}");
            Ages(errors, field, l.AgeFrom, l.AgeTo);
            if (!double.IsFinite(l.MaleShare) || l.MaleShare < 0 || l.MaleShare > 1)
                errors.Add($"{field}.maleShare", "must be between 0 and 1");
            Years(errors, field, l.FirstYear, l.LastYear);
        }
        return errors;
    }

    static void Region(ValidationErrors errors, string field, string? code, IReadOnlySet<string> regionCodes)
    {
        if (string.IsNullOrWhiteSpace(code)) errors.Add(field, "is required");
        else if (!regionCodes.Contains(code))
            errors.Add(field, $"'{code}' is not a region code (ISO 3166-2:KZ, e.g. KZ-35)");
    }

    static void Count(ValidationErrors errors, string field, double value)
    {
        if (!double.IsFinite(value) || value < 0) errors.Add(field, "must be 0 or more");
        else if (value > MaxCount) errors.Add(field, $"must be at most {MaxCount:0}");
    }

    static void Years(ValidationErrors errors, string field, int first, int last)
    {
        if (first < FirstYear || first > LastYear)
            errors.Add($"{field}.firstYear", $"must be between {FirstYear} and {LastYear}");
        if (last < FirstYear || last > LastYear)
            errors.Add($"{field}.lastYear", $"must be between {FirstYear} and {LastYear}");
        else if (last < first) errors.Add($"{field}.lastYear", "must not be before firstYear");
    }

    static void Ages(ValidationErrors errors, string field, int from, int to)
    {
        if (from < 0 || from > AgeGrid.Open) errors.Add($"{field}.ageFrom", $"must be between 0 and {AgeGrid.Open}");
        if (to < 0 || to > AgeGrid.Open) errors.Add($"{field}.ageTo", $"must be between 0 and {AgeGrid.Open}");
        else if (to < from) errors.Add($"{field}.ageTo", "must not be below ageFrom");
    }
}
