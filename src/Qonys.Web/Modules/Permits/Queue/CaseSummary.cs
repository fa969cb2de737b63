namespace Qonys.Web.Modules.Permits.Queue;

/// <summary>
/// One application in a list of the pages: enough to find it and see where it stands, with its employer's name and,
/// while the applicant waits for an answer in the case's conversation, by when the officers must reply.
/// </summary>
internal sealed record CaseSummary(Guid Id, string EmployerBin, string EmployerName, string RegionCode, string Category, string OccupationCode,
    int WorkerCount, string Status, DateOnly SubmittedOn, DateOnly DecisionDueOn, DateOnly? FeeDueOn, bool Overdue, DateTime? ReplyDueAt = null);
