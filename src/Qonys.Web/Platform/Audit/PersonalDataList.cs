namespace Qonys.Web.Platform.Audit;

/// <summary>
/// The data of the one audit entry a list read of personal data writes (docs/security.md, "Reads of personal data"):
/// the identifiers of the records shown, the total the query matched, and the query itself (filters and page).
/// </summary>
internal sealed record PersonalDataList(IReadOnlyList<string> Records, int Total, object Query);
