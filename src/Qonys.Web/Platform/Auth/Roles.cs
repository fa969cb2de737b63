namespace Qonys.Web.Platform.Auth;

/// <summary>The roles of PRODUCT.md §1. A user has exactly one.</summary>
internal static class Roles
{
    public const string Employer = "Employer";
    public const string HouseholdEmployer = "HouseholdEmployer";
    public const string Migrant = "Migrant";
    public const string Applicant = "Applicant";
    public const string Officer = "Officer";
    public const string Inspector = "Inspector";
    public const string Analyst = "Analyst";
    public const string Administrator = "Administrator";
    public const string Auditor = "Auditor";
    public const string IntegrationClient = "IntegrationClient";

    public static readonly IReadOnlyList<string> All =
        [Employer, HouseholdEmployer, Migrant, Applicant, Officer, Inspector, Analyst, Administrator, Auditor, IntegrationClient];

    /// <summary>Roles whose records are limited to one region.</summary>
    public static bool IsRegional(string role) => role is Officer or Inspector;
}
