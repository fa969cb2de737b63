namespace Qonys.Web.Platform.Ui;

/// <summary>The menu a role sees; each entry links to a page that role may open.</summary>
public static class Navigation
{
    public sealed record Item(string Href, string TextKey, string? Permission);

    static readonly List<Item> Items =
    [
        new("/", "nav.dashboard", null),
        new("/audit", "nav.audit", Permissions.AuditRead),
        new("/api-docs", "nav.api", null),
    ];

    /// <summary>Modules add their menu entries at start-up.</summary>
    public static void Add(Item item)
    {
        if (!Items.Contains(item)) Items.Insert(Items.Count - 1, item);
    }

    public static IEnumerable<Item> For(string role) =>
        Items.Where(i => i.Permission is null || Permissions.Allows(role, i.Permission));
}
