using System.Collections.Concurrent;

namespace Qonys.Web.Platform.Auth;

/// <summary>
/// Named permissions, one per action. Endpoints and pages require a permission; the use case then checks
/// the record's scope (own record, own region, national). The grant table is the single source of truth.
/// </summary>
internal static class Permissions
{
    public const string ReferenceRead = "reference.read";
    public const string ReferenceManage = "reference.manage";
    public const string EmployersRegister = "employers.register";
    public const string EmployersRead = "employers.read";
    public const string AuditRead = "audit.read";
    public const string NotificationsRead = "notifications.read";
    public const string DashboardView = "dashboard.view";
    public const string UsersManage = "users.manage";

    // Concurrent: every host built in a process (tests build several at once) grants its modules' permissions again.
    static readonly ConcurrentDictionary<string, string[]> Grants = new(new Dictionary<string, string[]>
    {
        [ReferenceRead] = Roles.All.ToArray(),
        [ReferenceManage] = [Roles.Administrator],
        [EmployersRegister] = [Roles.Administrator, Roles.Officer, Roles.Employer],
        [EmployersRead] = [Roles.Administrator, Roles.Officer, Roles.Inspector, Roles.Employer, Roles.Analyst],
        [AuditRead] = [Roles.Auditor],
        [NotificationsRead] = Roles.All.ToArray(), // every account has an inbox; another's notification is 404
        [DashboardView] = Roles.All.Where(r => r != Roles.IntegrationClient).ToArray(),
        [UsersManage] = [Roles.Administrator],
    });

    public static IReadOnlyCollection<string> All => [.. Grants.Keys];

    public static bool Allows(string role, string permission) =>
        Grants.TryGetValue(permission, out var roles) && roles.Contains(role);

    /// <summary>Modules add their permissions at start-up (before the first request).</summary>
    public static void Grant(string permission, params string[] roles) => Grants[permission] = roles;
}
