namespace Qonys.Web.Platform.UseCases;

/// <summary>A page of a list, as API.md fixes it: items, total, page, pageSize.</summary>
internal sealed record PagedList<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);
