using Qonys.Web.Modules.Permits.Domain;

namespace Qonys.Web.Modules.Permits.Contracts;

/// <summary>The permit categories (1–4, seasonal, ICT) in their order, for modules that show figures by category.</summary>
internal static class PermitCategories
{
    public static IReadOnlyList<string> All => PermitCategory.All;
}
