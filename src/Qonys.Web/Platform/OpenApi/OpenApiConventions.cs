using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;

namespace Qonys.Web.Platform.OpenApi;

/// <summary>
/// What the OpenAPI document says beyond the endpoints' own metadata (docs/api.md "The OpenAPI document"): the two
/// ways to sign in as security schemes, applied to every operation that requires authorization and to none of the
/// anonymous ones; the answers the pipeline gives before a handler runs (401/403 of authorization, 400 of unreadable
/// input, 429 of rate limiting, the Idempotency-Key header with its 400/409/422); file bodies; tag descriptions; a
/// server address without a trailing slash.
/// </summary>
internal static class OpenApiConventions
{
    public const string BearerScheme = "bearer";
    public const string CookieScheme = "cookie";
    public const string CookieName = "qonys.auth";
    const string ProblemJson = "application/problem+json";

    public static void Configure(OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, context, _) =>
        {
            DescribeDocument(document, context);
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            DescribeOperation(operation, context);
            return Task.CompletedTask;
        });
    }

    static void DescribeDocument(OpenApiDocument document, OpenApiDocumentTransformerContext context)
    {
        foreach (var server in document.Servers ?? []) server.Url = server.Url?.TrimEnd('/');
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "The access token of POST /api/v1/auth/token, as 'Authorization: Bearer <token>'.",
        };
        document.Components.SecuritySchemes[CookieScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Cookie,
            Name = CookieName,
            Description = "The web UI's sign-in cookie (set by /login); the same permission and scope checks apply.",
        };

        var descriptions = context.DescriptionGroups.SelectMany(g => g.Items)
            .SelectMany(d => d.ActionDescriptor.EndpointMetadata.OfType<ApiTag>())
            .GroupBy(t => t.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Description, StringComparer.Ordinal);
        foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
            if (tag.Name is not null && descriptions.TryGetValue(tag.Name, out var description))
                tag.Description = description;
    }

    static void DescribeOperation(OpenApiOperation operation, OpenApiOperationTransformerContext context)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var document = context.Document!;
        operation.Responses ??= new OpenApiResponses();

        var requiresAuthorization =
            metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();
        if (requiresAuthorization)
        {
            operation.Security =
            [
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] },
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(CookieScheme, document)] = [] },
            ];
            AddProblem(operation, document, StatusCodes.Status401Unauthorized,
                "Not signed in: no valid bearer token or cookie.");
            AddProblem(operation, document, StatusCodes.Status403Forbidden,
                "The caller's role may not do this, or the record is outside the caller's scope.");
        }
        else
        {
            operation.Security = [];
        }

        if (metadata.OfType<IdempotentEndpoint>().Any())
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = IdempotencyExtensions.Header,
                In = ParameterLocation.Header,
                Description = "Makes the request safe to repeat: the same key and body answer the first answer " +
                              "again (kept 48 h).",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = 200 },
            });
            AddProblem(operation, document, StatusCodes.Status409Conflict,
                "The request with this Idempotency-Key is still being processed.");
            AddProblem(operation, document, StatusCodes.Status422UnprocessableEntity,
                "The Idempotency-Key was already used with another body (rule idempotency_key_reused).");
        }

        if (CanFailBinding(context.Description) || metadata.OfType<IdempotentEndpoint>().Any())
            AddProblem(operation, document, StatusCodes.Status400BadRequest,
                "The request is not valid: errors are keyed by field.", validation: true);

        foreach (var file in metadata.OfType<FileResponse>()) AddFile(operation, file);

        if (metadata.OfType<EnableRateLimitingAttribute>().Any())
            AddProblem(operation, document, StatusCodes.Status429TooManyRequests,
                "Too many requests from this address; retry after the Retry-After seconds.");
    }

    /// <summary>
    /// A body, or a query or header value that is not a string, can be unreadable (400 naming the field). Route values
    /// cannot: a value that does not fit a route's constraint matches no route (404).
    /// </summary>
    static bool CanFailBinding(ApiDescription description) =>
        description.ParameterDescriptions.Any(p =>
            p.Source == BindingSource.Body || p.Source == BindingSource.Form ||
            (p.Source == BindingSource.Query || p.Source == BindingSource.Header) && p.Type != typeof(string));

    static void AddFile(OpenApiOperation operation, FileResponse file)
    {
        var key = StatusCodes.Status200OK.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!operation.Responses!.TryGetValue(key, out var declared) || declared is not OpenApiResponse response)
            operation.Responses[key] = response = new OpenApiResponse { Description = "OK" };
        response.Content ??= new Dictionary<string, OpenApiMediaType>();
        foreach (var type in file.ContentTypes)
            response.Content[type] = new OpenApiMediaType
            {
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" },
            };
    }

    /// <summary>Documents a problem-details answer unless the endpoint already declares that status.</summary>
    static void AddProblem(OpenApiOperation operation, OpenApiDocument document, int status, string description,
        bool validation = false)
    {
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (operation.Responses!.TryGetValue(key, out var declared))
        {
            if (declared is OpenApiResponse response && string.IsNullOrEmpty(response.Description))
                response.Description = description;
            return;
        }
        var schema = validation ? nameof(HttpValidationProblemDetails) : nameof(ProblemDetails);
        operation.Responses[key] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [ProblemJson] = new() { Schema = new OpenApiSchemaReference(schema, document) },
            },
        };
    }
}
