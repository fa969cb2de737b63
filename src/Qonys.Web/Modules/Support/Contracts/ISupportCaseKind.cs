namespace Qonys.Web.Modules.Support.Contracts;

/// <summary>Which side of a case's conversation a person writes on.</summary>
internal enum SupportSide { Applicant, Officer }

/// <summary>
/// A case as its conversation sees it: its kind and id, a title and page for people, and the side the caller writes
/// on (null: the caller may read the conversation but not write in it).
/// </summary>
internal sealed record SupportCase(string Kind, string Id, string Title, string Link, SupportSide? Side);

/// <summary>
/// A kind of case that has an online-support conversation (a permit application; kandas and compliance cases plug in
/// the same way). The module that owns the case implements it with the case's one record-access rule, so the
/// conversation is seen by exactly those who may see the case.
/// </summary>
internal interface ISupportCaseKind
{
    /// <summary>The kind as it appears in addresses (/api/v1/cases/{kind}/{id}/messages), e.g. "permit-application".</summary>
    string Kind { get; }

    /// <summary>The case as <paramref name="actor"/> sees it, or null when it does not exist or is beyond the actor's reach.</summary>
    Task<SupportCase?> FindAsync(Actor actor, string caseId, CancellationToken ct);

    /// <summary>The accounts to notify on <paramref name="side"/> of the case (its applicant's, or the officers in charge).</summary>
    Task<IReadOnlyList<Guid>> AccountsAsync(string caseId, SupportSide side, CancellationToken ct);
}
