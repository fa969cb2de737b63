namespace Qonys.Web.Modules.Registry.Domain;

/// <summary>The checks of an employer's identifying fields, shared by registration over the API and the employers import.</summary>
internal static class EmployerRules
{
    public const int MaxNameLength = 300;

    /// <summary>Adds a problem per field (API names: bin, name, regionCode, okedSection) that is not acceptable.</summary>
    public static void Check(ValidationErrors errors, string? bin, string? name, string? regionCode, string? okedSection, ReferenceSnapshot refs)
    {
        if (IdentificationNumber.Problem(bin) is { } binProblem) errors.Add("bin", "BIN " + binProblem);
        if (string.IsNullOrWhiteSpace(name)) errors.Add("name", "is required");
        else if (name.Length > MaxNameLength) errors.Add("name", $"must be at most {MaxNameLength} characters");
        if (string.IsNullOrWhiteSpace(regionCode)) errors.Add("regionCode", "is required");
        else if (!refs.Regions.ContainsKey(regionCode))
            errors.Add("regionCode", $"'{regionCode}' is not a region code (ISO 3166-2:KZ, e.g. KZ-35)");
        if (string.IsNullOrWhiteSpace(okedSection)) errors.Add("okedSection", "is required");
        else if (!refs.OkedSections.ContainsKey(okedSection))
            errors.Add("okedSection", $"'{okedSection}' is not an OKED section (a letter A–U)");
    }
}
