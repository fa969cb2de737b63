namespace Qonys.Web.Modules.Support.Contracts;

/// <summary>When the officers owe the applicant an answer, for the work queues of the case-owning modules.</summary>
internal interface ISupportDeadlines
{
    /// <summary>The reply due time of each case of <paramref name="kind"/> among <paramref name="caseIds"/> whose applicant waits for an answer.</summary>
    Task<IReadOnlyDictionary<string, DateTime>> ReplyDueAsync(string kind, IReadOnlyCollection<string> caseIds, CancellationToken ct);
}
