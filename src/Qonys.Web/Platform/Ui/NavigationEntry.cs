namespace Qonys.Web.Platform.Ui;

/// <summary>A menu entry: the page's address, the localizer key of its text, and the permission a role needs to see it.</summary>
internal sealed record NavigationEntry(string Href, string TextKey, string? Permission);
