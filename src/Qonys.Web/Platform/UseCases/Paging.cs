namespace Qonys.Web.Platform.UseCases;

/// <summary>Page and page size as every list takes them (API.md).</summary>
internal static class Paging
{
    public const int MaxPageSize = 500;

    /// <summary>Pages beyond this are empty anyway; the cap keeps (page − 1) × pageSize within an int.</summary>
    const int MaxPage = int.MaxValue / MaxPageSize;

    public static (int Page, int PageSize) Normalise(int? page, int? pageSize) =>
        (Math.Clamp(page ?? 1, 1, MaxPage), Math.Clamp(pageSize ?? 50, 1, MaxPageSize));
}
