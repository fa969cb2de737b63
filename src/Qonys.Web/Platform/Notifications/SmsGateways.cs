using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Qonys.Web.Platform.Notifications;

internal sealed record SmsMessage(Guid Id, string To, string Text);

/// <summary>Where SMS go. Implementations must treat <see cref="SmsMessage.Id"/> as the delivery key.</summary>
internal interface ISmsGateway
{
    /// <summary>The provider's name as configured: the delivery status says which provider sent a message.</summary>
    string Name { get; }

    Task SendAsync(SmsMessage message, CancellationToken ct);
}

/// <summary>A provider's definite "no" for this message (a bad number, a refused account): trying it again will not help.</summary>
internal sealed class NotificationRefusedException(string reason) : Exception(reason);

/// <summary>Demo and test sink, in place of the operator: one text file per message, named by its id.</summary>
internal sealed class FileSmsGateway(string name, string folder) : ISmsGateway
{
    public string Name => name;

    public string Folder { get; } = folder;

    public Task SendAsync(SmsMessage message, CancellationToken ct) =>
        OnceFile.WriteAsync(Folder, message.Id.ToString("N") + ".sms", "To: " + message.To + "\n\n" + message.Text + "\n", ct);
}

/// <summary>
/// The generic HTTP SMS API of docs/operations.md ("SMS providers"): <c>POST {BaseUrl}/messages</c> with a bearer key,
/// the notification id as <c>Idempotency-Key</c> (the provider sends a repeated key once) and as <c>reference</c>.
/// 2xx and 409 (that key was already accepted) are sent; 400, 401, 403 and 422 a definite refusal; anything else,
/// a time-out or no connection a failure to retry.
/// </summary>
internal sealed class HttpSmsGateway(string name, NotificationProviderOptions o, HttpClient http) : ISmsGateway
{
    public string Name => name;

    readonly Uri _endpoint = new(new Uri((o.BaseUrl ?? throw new InvalidOperationException($"SMS provider '{name}' needs a BaseUrl")).TrimEnd('/') + "/"), "messages");

    public async Task SendAsync(SmsMessage message, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint)
        {
            Content = JsonContent.Create(new HttpSmsRequest(message.To, message.Text, o.Sender, message.Id.ToString("N"))),
        };
        if (!string.IsNullOrEmpty(o.ApiKey)) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", o.ApiKey);
        request.Headers.Add("Idempotency-Key", message.Id.ToString("N"));
        using var response = await http.SendAsync(request, ct);
        if (response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.Conflict) return;
        // The provider's text may quote the number: only the status goes into the record.
        if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.UnprocessableEntity)
            throw new NotificationRefusedException($"{name} refused the message ({(int)response.StatusCode})");
        throw new HttpRequestException($"{name} answered {(int)response.StatusCode}", null, response.StatusCode);
    }

    sealed record HttpSmsRequest(string To, string Text, string? Sender, string Reference);
}
