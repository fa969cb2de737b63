namespace Qonys.Web.Modules.Support.Conversations;

/// <summary>Configuration section "Qonys:Support".</summary>
internal sealed class SupportOptions
{
    /// <summary>How long the officers have to answer an applicant's message.</summary>
    public int ReplyWithinHours { get; set; } = 48;
    /// <summary>The largest attachment, in bytes (the whole request is also bounded by "Qonys:MaxRequestBodyBytes").</summary>
    public int MaxAttachmentBytes { get; set; } = 512 * 1024;
    public int MaxAttachmentsPerMessage { get; set; } = 3;
}
