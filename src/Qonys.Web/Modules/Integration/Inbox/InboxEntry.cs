namespace Qonys.Web.Modules.Integration.Inbox;

/// <summary>
/// One inbound event as the inbox keeps it: its envelope and payload as received, and its outcome. The event id is the
/// key, so a second copy cannot become a second row; it is counted in <see cref="Duplicates"/>.
/// </summary>
internal sealed class InboxEntry
{
    /// <summary>The sender's event id, lower-case with hyphens.</summary>
    public string EventId { get; set; } = "";
    public string Type { get; set; } = "";
    public string Source { get; set; } = "";
    public DateTime OccurredAt { get; set; }
    public DateTime ReceivedAt { get; set; }
    public Guid? SenderId { get; set; }
    /// <summary>The payload's JSON as received.</summary>
    public string Payload { get; set; } = "{}";
    public string Outcome { get; set; } = InboxOutcome.Applied;
    /// <summary>Why the event could not be applied (the latest attempt); null once applied.</summary>
    public string? Reason { get; set; }
    /// <summary>How many times the handler ran: the first copy, then each replay.</summary>
    public int Attempts { get; set; }
    public DateTime? AppliedAt { get; set; }
    /// <summary>The administrator whose replay applied or re-tried it.</summary>
    public Guid? ReplayedBy { get; set; }
    public DateTime? ReplayedAt { get; set; }
    /// <summary>Later copies with the same event id, answered "duplicate" and not applied.</summary>
    public int Duplicates { get; set; }
    public DateTime? LastDuplicateAt { get; set; }
}

internal static class InboxOutcome
{
    public const string Applied = "applied";
    public const string DeadLettered = "dead_lettered";
}
