namespace Qonys.Web.Platform.Ui;

/// <summary>
/// One figure on the landing page: the localizer key of its label, the figure, an optional link, and its place among
/// the role's tiles (lower first; tiles of equal place keep their contributors' order).
/// </summary>
internal sealed record DashboardTile(string LabelKey, string Value, int Place, string? Href = null)
{
    /// <summary>A count as the dashboard shows it: digits grouped by spaces.</summary>
    public static string Count(long n) =>
        n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture).Replace(",", " ", StringComparison.Ordinal);
}
