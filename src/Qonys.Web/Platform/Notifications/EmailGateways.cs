using System.Net;
using System.Net.Mail;
using System.Text;
using Microsoft.Extensions.Options;

namespace Qonys.Web.Platform.Notifications;

internal sealed record EmailMessage(Guid Id, string To, string Subject, string Body, string? Link);

/// <summary>Where e-mail goes. Implementations must treat <see cref="EmailMessage.Id"/> as the delivery key.</summary>
internal interface IEmailGateway
{
    Task SendAsync(EmailMessage message, CancellationToken ct);
}

/// <summary>Demo and test sink: one .eml file per message, named by its id, so a repeated delivery writes nothing new.</summary>
internal sealed class FileEmailGateway(IOptions<QonysOptions> options) : IEmailGateway
{
    public string Folder { get; } = Path.GetFullPath(Path.Combine(options.Value.Database.DataFolder, options.Value.Email.FileFolder));

    public async Task SendAsync(EmailMessage message, CancellationToken ct)
    {
        Directory.CreateDirectory(Folder);
        var target = Path.Combine(Folder, message.Id.ToString("N") + ".eml");
        if (File.Exists(target)) return;
        var temp = target + "." + Guid.NewGuid().ToString("N") + ".tmp";
        var text = new StringBuilder()
            .Append("Message-ID: <").Append(message.Id.ToString("N")).Append("@qonys.kz>\r\n")
            .Append("From: ").Append(options.Value.Email.From).Append("\r\n")
            .Append("To: ").Append(message.To).Append("\r\n")
            .Append("Subject: ").Append(message.Subject).Append("\r\n")
            .Append("Content-Type: text/plain; charset=utf-8\r\n\r\n")
            .Append(message.Body).Append(message.Link is null ? "" : "\r\n\r\n" + message.Link).Append("\r\n")
            .ToString();
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

/// <summary>
/// SMTP delivery. SMTP has no delivery key of its own; the Message-ID header carries the notification id so a
/// receiving system can drop the rare duplicate after a crash between sending and recording (see docs/operations.md).
/// </summary>
internal sealed class SmtpEmailGateway(IOptions<QonysOptions> options) : IEmailGateway
{
    public async Task SendAsync(EmailMessage message, CancellationToken ct)
    {
        var o = options.Value.Email;
        using var client = new SmtpClient(o.SmtpHost, o.SmtpPort) { EnableSsl = o.SmtpSsl };
        if (o.SmtpUser is not null) client.Credentials = new NetworkCredential(o.SmtpUser, o.SmtpPassword);
        using var mail = new MailMessage(o.From, message.To, message.Subject,
            message.Body + (message.Link is null ? "" : "\n\n" + message.Link));
        mail.Headers.Add("Message-ID", $"<{message.Id:N}@qonys.kz>");
        await client.SendMailAsync(mail, ct);
    }
}
