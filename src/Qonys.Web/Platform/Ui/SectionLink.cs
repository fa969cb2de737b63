namespace Qonys.Web.Platform.Ui;

/// <summary>
/// A link in a section's own menu (the sub-navigation shared by the pages of one area, such as the analytical centre's),
/// with its place among the section's links (lower first).
/// </summary>
internal sealed record SectionLink(string Section, string Href, string TextKey, int Place);
