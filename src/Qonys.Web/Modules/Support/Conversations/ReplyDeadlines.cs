using Microsoft.EntityFrameworkCore;
using Qonys.Web.Modules.Support.Contracts;
using Qonys.Web.Modules.Support.Domain;

namespace Qonys.Web.Modules.Support.Conversations;

/// <summary>The reply deadlines of the conversations, for the case-owning modules' work queues.</summary>
internal sealed class ReplyDeadlines(AppDb db) : ISupportDeadlines
{
    public async Task<IReadOnlyDictionary<string, DateTime>> ReplyDueAsync(string kind, IReadOnlyCollection<string> caseIds, CancellationToken ct)
    {
        if (caseIds.Count == 0) return new Dictionary<string, DateTime>();
        var ids = caseIds.ToList();
        return await db.Set<SupportConversation>().AsNoTracking()
            .Where(c => c.CaseKind == kind && ids.Contains(c.CaseId) && c.ReplyDueAt != null)
            .ToDictionaryAsync(c => c.CaseId, c => c.ReplyDueAt!.Value, ct);
    }
}
