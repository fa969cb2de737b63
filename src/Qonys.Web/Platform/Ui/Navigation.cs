namespace Qonys.Web.Platform.Ui;

/// <summary>
/// The menu a role sees; each entry links to a page that role may open. The platform's entries (dashboard, audit,
/// outbound events, imports, API documentation) frame the modules' entries (<see cref="UiSetup.AddNavigationEntry"/>), which appear in the
/// order the modules registered them.
/// </summary>
internal sealed class Navigation(IEnumerable<NavigationEntry> modules, PermissionGrants grants)
{
    readonly NavigationEntry[] _entries =
    [
        new("/", "nav.dashboard", null),
        new("/audit", "nav.audit", Permissions.AuditRead),
        new("/imports", "nav.imports", Import.ImportSetup.ImportsManage),
        .. modules.Distinct(),
        new("/integration/outbox", "nav.outbox", OutboxSetup.OutboxRead),
        new("/api-docs", "nav.api", null),
    ];

    public IEnumerable<NavigationEntry> For(string role) =>
        _entries.Where(e => e.Permission is null || grants.Allows(role, e.Permission));
}
