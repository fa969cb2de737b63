using System.Text;

namespace Qonys.Web.Modules.Support.Conversations;

/// <summary>
/// Which files a message may carry: PDF, PNG, JPEG and plain text, each within the size limit, whose content is what
/// its declared type says (a file's first bytes, not its name, decide), with a plain file name.
/// </summary>
internal static class AttachmentRules
{
    public static readonly string[] Types = ["application/pdf", "image/png", "image/jpeg", "text/plain"];
    const int MaxFileNameLength = 200;

    /// <summary>What is wrong with one attachment, or null when it may be kept.</summary>
    public static string? Problem(string? fileName, string? contentType, byte[]? content, int maxBytes)
    {
        if (string.IsNullOrWhiteSpace(fileName) || fileName.Length > MaxFileNameLength)
            return $"give a file name of 1 to {MaxFileNameLength} characters";
        if (fileName.IndexOfAny(['/', '\\']) >= 0 || fileName.Any(char.IsControl) || fileName.Trim() is "." or "..")
            return "the file name must not contain a path or control characters";
        if (contentType is null || !Types.Contains(contentType))
            return $"'{contentType}' is not an accepted type; use one of {string.Join(", ", Types)}";
        if (content is null || content.Length == 0) return "the file is empty";
        if (content.Length > maxBytes) return $"the file has {content.Length} bytes; at most {maxBytes} are accepted";
        if (!Matches(contentType, content)) return $"the content is not {contentType}";
        return null;
    }

    static bool Matches(string type, byte[] c) => type switch
    {
        "application/pdf" => Starts(c, "%PDF-"u8),
        "image/png" => Starts(c, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        "image/jpeg" => Starts(c, [0xFF, 0xD8, 0xFF]),
        "text/plain" => IsText(c),
        _ => false,
    };

    static bool Starts(byte[] content, ReadOnlySpan<byte> magic) => content.AsSpan().StartsWith(magic);

    static bool IsText(byte[] content)
    {
        if (Array.IndexOf(content, (byte)0) >= 0) return false;
        try
        {
            _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetCharCount(content);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
