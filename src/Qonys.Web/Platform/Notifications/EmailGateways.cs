using System.Net;
using System.Net.Mail;
using System.Text;

namespace Qonys.Web.Platform.Notifications;

internal sealed record EmailMessage(Guid Id, string To, string Subject, string Body, string? Link);

/// <summary>Where e-mail goes. Implementations must treat <see cref="EmailMessage.Id"/> as the delivery key.</summary>
internal interface IEmailGateway
{
    /// <summary>The provider's name as configured: the delivery status says which provider sent a message.</summary>
    string Name { get; }

    Task SendAsync(EmailMessage message, CancellationToken ct);
}

/// <summary>Demo and test sink: one .eml file per message, named by its id, so a repeated delivery writes nothing new.</summary>
internal sealed class FileEmailGateway(string name, string folder, string from) : IEmailGateway
{
    public string Name => name;

    public string Folder { get; } = folder;

    public Task SendAsync(EmailMessage message, CancellationToken ct)
    {
        var text = new StringBuilder()
            .Append("Message-ID: <").Append(message.Id.ToString("N")).Append("@qonys.kz>\r\n")
            .Append("From: ").Append(from).Append("\r\n")
            .Append("To: ").Append(message.To).Append("\r\n")
            .Append("Subject: ").Append(message.Subject).Append("\r\n")
            .Append("Content-Type: text/plain; charset=utf-8\r\n\r\n")
            .Append(message.Body).Append(message.Link is null ? "" : "\r\n\r\n" + message.Link).Append("\r\n")
            .ToString();
        return OnceFile.WriteAsync(Folder, message.Id.ToString("N") + ".eml", text, ct);
    }
}

/// <summary>
/// SMTP delivery. SMTP has no delivery key of its own; the Message-ID header carries the notification id so a
/// receiving system can drop the rare duplicate after a crash between sending and recording (see docs/operations.md).
/// </summary>
internal sealed class SmtpEmailGateway(string name, NotificationProviderOptions o, string from) : IEmailGateway
{
    public string Name => name;

    public async Task SendAsync(EmailMessage message, CancellationToken ct)
    {
        using var client = new SmtpClient(o.SmtpHost, o.SmtpPort) { EnableSsl = o.SmtpSsl };
        if (o.SmtpUser is not null) client.Credentials = new NetworkCredential(o.SmtpUser, o.SmtpPassword);
        using var mail = new MailMessage(from, message.To, message.Subject,
            message.Body + (message.Link is null ? "" : "\n\n" + message.Link));
        mail.Headers.Add("Message-ID", $"<{message.Id:N}@qonys.kz>");
        try
        {
            await client.SendMailAsync(mail, ct);
        }
        catch (SmtpFailedRecipientException e) when (e.StatusCode is SmtpStatusCode.MailboxUnavailable or SmtpStatusCode.MailboxNameNotAllowed)
        {
            throw new NotificationRefusedException($"{name} refused the address ({(int)e.StatusCode})");
        }
    }
}

/// <summary>Writes a file once under its final name (a repeated delivery of the same id writes nothing new).</summary>
internal static class OnceFile
{
    public static async Task WriteAsync(string folder, string fileName, string text, CancellationToken ct)
    {
        Directory.CreateDirectory(folder);
        var target = Path.Combine(folder, fileName);
        if (File.Exists(target)) return;
        var temp = target + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await File.WriteAllTextAsync(temp, text, ct);
        try
        {
            File.Move(temp, target, overwrite: false);
        }
        catch (IOException) when (File.Exists(target))
        {
            File.Delete(temp); // another dispatcher delivered it first
        }
    }
}
