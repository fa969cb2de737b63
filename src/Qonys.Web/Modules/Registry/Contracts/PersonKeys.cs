namespace Qonys.Web.Modules.Registry.Contracts;

/// <summary>How a person is identified: a citizen by IIN, a foreigner by passport number (either may be missing).</summary>
internal sealed record PersonKeys(string? Iin, string? PassportNumber);
