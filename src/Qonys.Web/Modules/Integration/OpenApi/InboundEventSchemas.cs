using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Qonys.Web.Modules.Integration.Contracts;

namespace Qonys.Web.Modules.Integration.OpenApi;

/// <summary>
/// The OpenAPI document's schema of each inbound event type: a component per type (<c>AddressChangedEvent</c>, …) whose
/// <c>type</c> is that one name and whose <c>payload</c> is the handler's payload schema (<c>AddressChangedPayload</c>),
/// and the request body of <c>POST /api/v1/integration/events</c> as a <c>oneOf</c> of them with a discriminator on
/// <c>type</c>. The types are the ones the modules registered, so a new handler documents itself.
/// </summary>
internal sealed class InboundEventSchemas(IEnumerable<InboundEventType> types) : IOpenApiDocumentTransformer
{
    public async Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        if (document.Paths?.TryGetValue(IntegrationEndpoints.EventsPath, out var path) != true ||
            path!.Operations?.TryGetValue(HttpMethod.Post, out var operation) != true ||
            operation!.RequestBody?.Content?.TryGetValue("application/json", out var media) != true)
            return;
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        var oneOf = new List<IOpenApiSchema>();
        var mapping = new Dictionary<string, OpenApiSchemaReference>();
        foreach (var type in types.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            var name = Pascal(type.Name);
            document.Components.Schemas[name + "Payload"] = await context.GetOrCreateSchemaAsync(type.PayloadType, null, ct);
            document.Components.Schemas[name + "Event"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = type.Description,
                Required = new HashSet<string> { "eventId", "type", "occurredAt", "source", "payload" },
                Properties = new Dictionary<string, IOpenApiSchema>
                {
                    ["eventId"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid", Description = "The sender's id of the event; a repeat is a duplicate." },
                    ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create(type.Name)] },
                    ["occurredAt"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time" },
                    ["source"] = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 100, Description = "The sending system, e.g. population-register." },
                    ["payload"] = new OpenApiSchemaReference(name + "Payload", document),
                },
            };
            var reference = new OpenApiSchemaReference(name + "Event", document);
            oneOf.Add(reference);
            mapping[type.Name] = reference;
        }
        media!.Schema = new OpenApiSchema
        {
            OneOf = oneOf,
            Discriminator = new OpenApiDiscriminator { PropertyName = "type", Mapping = mapping },
        };
    }

    static string Pascal(string snake) =>
        string.Concat(snake.Split('_').Select(part => char.ToUpperInvariant(part[0]) + part[1..]));
}
