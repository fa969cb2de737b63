namespace Qonys.Web.Platform.Outbox;

/// <summary>
/// The payload ("data") of an outbound event: a record whose properties are the contract consumers read. Its type, the
/// aggregate it is about and its description are declared by <see cref="OutboundEventAttribute"/>; a new version of a
/// contract is a new record with a new type name (".v2"), published alongside the old one while consumers move.
/// </summary>
internal interface IOutboundEvent
{
    /// <summary>The aggregate the event is about (the CloudEvents subject): events of one subject reach consumers in commit order.</summary>
    string Subject { get; }
}

/// <summary>The contract of an <see cref="IOutboundEvent"/>: its CloudEvents type, its aggregate and what it means.</summary>
/// <param name="type">The CloudEvents type, "kz.qonys.&lt;aggregate&gt;.&lt;what happened&gt;.v&lt;version&gt;".</param>
/// <param name="aggregate">The kind of record the subject names ("permit", "permit_application", "quota"): the sequence runs per aggregate and subject.</param>
/// <param name="description">When the event is published and what it tells consumers (shown in the schema document).</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
internal sealed class OutboundEventAttribute(string type, string aggregate, string description) : Attribute
{
    public string Type { get; } = type;
    public string Aggregate { get; } = aggregate;
    public string Description { get; } = description;
}
