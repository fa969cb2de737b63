using System.Linq.Expressions;

namespace Qonys.Web.Modules.Permits.Domain;

/// <summary>
/// When an application is overdue (docs/permits.md, "Work queues"): it is submitted and its decision was due before
/// today. One rule for the case page, the lists and the work queue, in memory and in SQL.
/// </summary>
internal static class DecisionDeadline
{
    public static bool IsOverdue(string status, DateOnly decisionDueOn, DateOnly today) =>
        status == ApplicationStatus.Submitted && decisionDueOn < today;

    /// <summary><see cref="IsOverdue"/> as a filter the database evaluates.</summary>
    public static Expression<Func<PermitApplication, bool>> Overdue(DateOnly today) =>
        a => a.Status == ApplicationStatus.Submitted && a.DecisionDueOn < today;
}
