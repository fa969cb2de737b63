using Microsoft.AspNetCore.Authorization;

namespace Qonys.Web.Platform.Outbox.Pages;

/// <summary>The administrator's view of the outbox: what the platform has told, or has yet to tell, other systems.</summary>
[Authorize(Policy = OutboxSetup.OutboxRead)]
internal sealed class OutboxModel(OutboxReading reading, Microsoft.Extensions.Options.IOptions<OutboxOptions> options) : SignedInPageModel
{
    public const int PageSize = 100;

    public PagedList<OutboxEventResponse> Events { get; private set; } = new([], 0, 1, PageSize);
    public string? Status { get; private set; }
    public bool HasBroker => options.Value.HasBroker;

    public async Task OnGetAsync(string? status, int? page, CancellationToken ct)
    {
        Status = status is OutboxStatus.Pending or OutboxStatus.Published ? status : null;
        Events = (await reading.ListAsync(Status, null, page, PageSize, ct)).Value!;
    }

    /// <summary>The localizer key of an event type's name ("outbox.event." and the type without its version).</summary>
    public static string NameKey(string type) => "outbox.event." + type[..type.LastIndexOf('.')];
}
