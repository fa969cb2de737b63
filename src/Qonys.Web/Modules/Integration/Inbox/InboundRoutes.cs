using System.Text.Json;
using Microsoft.Extensions.Options;
using Qonys.Web.Modules.Integration.Contracts;

namespace Qonys.Web.Modules.Integration.Inbox;

/// <summary>The registered event types by name: how to read each one's payload and which handler applies it.</summary>
internal sealed class InboundRoutes
{
    readonly Dictionary<string, InboundRoute> _routes;

    public InboundRoutes(IEnumerable<InboundEventType> types, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json) =>
        _routes = types.ToDictionary(t => t.Name,
            t => (InboundRoute)Activator.CreateInstance(typeof(InboundRoute<>).MakeGenericType(t.PayloadType), t, json.Value.SerializerOptions)!,
            StringComparer.Ordinal);

    public IReadOnlyCollection<string> Names => _routes.Keys.Order(StringComparer.Ordinal).ToList();

    public InboundRoute? Find(string type) => _routes.GetValueOrDefault(type);
}

/// <summary>One event type's reading (payload JSON → its schema, then the handler's validation) and application.</summary>
internal abstract class InboundRoute(InboundEventType type)
{
    public InboundEventType Type { get; } = type;

    /// <summary>The payload read into its schema, or the errors keyed by field ("payload.iin").</summary>
    public abstract Task<(object? Payload, ValidationErrors Errors)> ReadAsync(IServiceProvider services, JsonElement payload, CancellationToken ct);

    public abstract Task<InboundOutcome> ApplyAsync(IServiceProvider services, InboxEntry entry, object payload, Actor actor, CancellationToken ct);
}

internal sealed class InboundRoute<TPayload>(InboundEventType type, JsonSerializerOptions json) : InboundRoute(type) where TPayload : class
{
    public const string Prefix = "payload";

    public override async Task<(object? Payload, ValidationErrors Errors)> ReadAsync(IServiceProvider services, JsonElement payload, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (payload.ValueKind != JsonValueKind.Object)
        {
            errors.Add(Prefix, "must be a JSON object");
            return (null, errors);
        }
        TPayload? read;
        try
        {
            read = payload.Deserialize<TPayload>(json);
        }
        catch (JsonException e)
        {
            var field = ProblemExceptionHandler.FieldName(e.Path);
            errors.Add(field == "body" ? Prefix : Prefix + "." + field, "has a value of the wrong type or format");
            return (null, errors);
        }
        if (read is null)
        {
            errors.Add(Prefix, "is required");
            return (null, errors);
        }
        foreach (var (field, messages) in (await Handler(services).ValidateAsync(read, ct)).ToDictionary())
            foreach (var message in messages) errors.Add(Prefix + "." + field, message);
        return (read, errors);
    }

    public override Task<InboundOutcome> ApplyAsync(IServiceProvider services, InboxEntry entry, object payload, Actor actor, CancellationToken ct) =>
        Handler(services).ApplyAsync(new InboundEvent<TPayload>(Guid.Parse(entry.EventId), entry.Type,
            new DateTimeOffset(DateTime.SpecifyKind(entry.OccurredAt, DateTimeKind.Utc)), entry.Source, (TPayload)payload, actor), ct);

    IInboundEventHandler<TPayload> Handler(IServiceProvider services) =>
        (IInboundEventHandler<TPayload>)services.GetRequiredService(Type.HandlerType);
}
