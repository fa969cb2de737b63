namespace Qonys.Web.Platform.Auth;

/// <summary>
/// Named permissions, one per action. Endpoints and pages require a permission; the use case then checks the
/// record's scope (own record, own region, national). Each grant is one registration,
/// <c>services.AddPermission(name, roles)</c>: the platform's own below, each module's in its <c>AddServices</c>; the
/// host collects them into one <see cref="PermissionGrants"/>, the single source of truth.
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

    /// <summary>Grants a permission to roles: one line in a module's <c>AddServices</c>.</summary>
    public static IServiceCollection AddPermission(this IServiceCollection services, string permission,
        params string[] roles) =>
        services.AddSingleton(new PermissionGrant(permission, roles));

    /// <summary>The host's grant table, built from every <see cref="AddPermission"/>; the platform's grants.</summary>
    public static IServiceCollection AddPermissionGrants(this IServiceCollection services)
    {
        string[] signedIn = [.. Roles.All.Where(r => r != Roles.IntegrationClient)];
        services.AddPermission(ReferenceRead, [.. Roles.All]);
        services.AddPermission(ReferenceManage, Roles.Administrator);
        services.AddPermission(EmployersRegister, Roles.Administrator, Roles.Officer, Roles.Employer);
        services.AddPermission(EmployersRead,
            Roles.Administrator, Roles.Officer, Roles.Inspector, Roles.Employer, Roles.Analyst);
        services.AddPermission(AuditRead, Roles.Auditor);
        services.AddPermission(NotificationsRead, signedIn); // every person has an inbox (another's notification is 404); machines have none
        services.AddPermission(DashboardView, signedIn);
        services.AddPermission(UsersManage, Roles.Administrator);
        return services.AddSingleton<PermissionGrants>();
    }
}
