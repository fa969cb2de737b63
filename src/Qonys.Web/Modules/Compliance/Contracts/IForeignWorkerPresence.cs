namespace Qonys.Web.Modules.Compliance.Contracts;

/// <summary>
/// Where the permit register's foreign workers are (border crossings, hosts' notifications), for the inspection:
/// the workers still in the country after their last permit ended and the exit period passed. Declared here, by the
/// inspection that needs it, and implemented by the permits module (which already reads this module's door), so the
/// two modules' doors do not form a circle.
/// </summary>
internal interface IForeignWorkerPresence
{
    /// <summary>
    /// Workers in the country on <paramref name="today"/> whose every permit has ended and who had to leave more than
    /// <paramref name="exitPeriodDays"/> days after the last one's last valid day; within <paramref name="regionCode"/>
    /// (the last permit's region) when given. Most days overstayed first.
    /// </summary>
    Task<IReadOnlyList<OverstayingWorker>> OverstayingAsync(DateOnly today, int exitPeriodDays, string? regionCode, CancellationToken ct);
}

/// <summary>A foreign worker who has not left after the permit: the case for the inspection.</summary>
internal sealed record OverstayingWorker(string PassportNumber, string Citizenship, string FullName, string PermitNumber, string EmployerBin,
    string RegionCode, DateOnly PermitLastValidOn, DateOnly LeaveBy, int DaysOverstayed, DateTime? LastEntryAt, string? StayRegionCode,
    string? StayAddress);
