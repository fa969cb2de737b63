using Qonys.Web.Modules.Permits.Domain;

namespace Qonys.Web.Modules.Permits;

internal sealed record WorkerRequest(string? FullName, string? PassportNumber, string? Citizenship, DateOnly? BirthDate, string? Education);

internal sealed record PermitApplicationRequest(string? EmployerBin, string? RegionCode, string? Category, string? OccupationCode,
    string? OkedSection, int? WorkerCount, int? Months, long? MonthlySalaryKzt, DateOnly? VacancyPublishedOn,
    List<WorkerRequest>? Workers, string? SendingCountry);

/// <summary>A permit fee: MCI, KZT, the MCI applied, whether any value behind it is unconfirmed, and the fee rate's version.</summary>
internal sealed record FeeResponse(int Mci, long Kzt, int MciYear, decimal MciKzt, bool Unconfirmed, DateOnly? RuleVersion);

internal sealed record HistoryEntryResponse(DateTime At, string ActorRole, string Action, string? From, string To, string? Reason, string? PermitNumber);

internal sealed record WorkerResponse(string FullName, string PassportNumber, string Citizenship, DateOnly BirthDate, string Education);

internal sealed record PermitApplicationResponse(
    Guid Id, string Status, string EmployerBin, string RegionCode, string Category, string OccupationCode, string OkedSection,
    int WorkerCount, int Months, long MonthlySalaryKzt, DateOnly? VacancyPublishedOn, string? SendingCountry, DateOnly SubmittedOn,
    IReadOnlyList<CheckResult> Checks, FeeResponse Fee, int QuotaYear, DateOnly DecisionDueOn, DateOnly? FeeDueOn,
    IReadOnlyList<string> NextActions, IReadOnlyList<HistoryEntryResponse> History, IReadOnlyList<WorkerResponse> Workers,
    IReadOnlyList<string> PermitNumbers);

/// <summary>What an applicant sees before submitting: every check and the fee, nothing saved.</summary>
internal sealed record PermitApplicationPreview(IReadOnlyList<CheckResult> Checks, FeeResponse Fee, int QuotaYear, bool WouldBeSubmitted);

internal sealed record DecisionRequest(string? Reason);

internal sealed record PermitResponse(string Number, Guid ApplicationId, string EmployerBin, string RegionCode, string Category,
    string OccupationCode, string OkedSection, string Citizenship, DateOnly IssuedOn, DateOnly ValidFrom, DateOnly ValidUntil,
    DateOnly? EndedOn, string Status, int Extensions, string VerifyUrl)
{
    public static PermitResponse From(Permit p) => new(p.Number, p.ApplicationId, p.EmployerBin, p.RegionCode, p.Category,
        p.OccupationCode, p.OkedSection, p.Citizenship, p.IssuedOn, p.ValidFrom, p.ValidUntil, p.EndedOn, p.Status, p.Extensions,
        "/verify/" + p.Number);
}

internal sealed record PermitVerification(bool Valid, string Status, string Category, DateOnly ValidFrom, DateOnly ValidUntil,
    string EmployerName, string RegionCode, string OccupationCode);

internal sealed record QuotaResponse(int Year, string RegionCode, string Category, int Cap, int Reserved, int Used, int Released, int Available)
{
    public static QuotaResponse From(QuotaLedger q) => new(q.Year, q.RegionCode, q.Category, q.Cap, q.Reserved, q.Used, q.Released, q.Available);
}

internal sealed record QuotaRevisionRequest(int? Cap, string? Reason);
