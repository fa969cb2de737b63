using System.Reflection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace Qonys.Web.Platform.UseCases;

/// <summary>
/// An RFC 9457 refusal with a fixed status, as a typed result: the body is what <see cref="ProblemHttpResult"/> writes
/// (with the trace id the host adds), and each subclass declares its status and <c>application/problem+json</c> to the
/// OpenAPI document through <see cref="IEndpointMetadataProvider"/>.
/// </summary>
public abstract class ProblemResult(ProblemHttpResult problem)
    : IResult, IStatusCodeHttpResult, IValueHttpResult<ProblemDetails>, IValueHttpResult, IContentTypeHttpResult
{
    public const string ContentType = "application/problem+json";

    public ProblemDetails ProblemDetails => problem.ProblemDetails;
    public int StatusCode => problem.StatusCode;
    int? IStatusCodeHttpResult.StatusCode => problem.StatusCode;
    ProblemDetails? IValueHttpResult<ProblemDetails>.Value => problem.ProblemDetails;
    object? IValueHttpResult.Value => problem.ProblemDetails;
    string? IContentTypeHttpResult.ContentType => problem.ContentType;

    public Task ExecuteAsync(HttpContext httpContext) => problem.ExecuteAsync(httpContext);

    protected static void Declare(EndpointBuilder builder, int status) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(status, typeof(ProblemDetails), [ContentType]));

    protected static ProblemHttpResult Problem(int status, string title, string? detail, string type,
        IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail, statusCode: status, title: title, type: ResultMapping.ProblemBase + type,
            extensions: extensions);
}

/// <summary>404: the record does not exist or lies outside the caller's scope (API.md).</summary>
public sealed class NotFoundProblem : ProblemResult, IEndpointMetadataProvider
{
    public const string DefaultDetail = "The record does not exist or you may not see it.";

    NotFoundProblem(string detail) : base(Problem(StatusCodes.Status404NotFound, "Not found", detail, "not-found")) { }

    public static NotFoundProblem Of(string detail = DefaultDetail) => new(detail);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        Declare(builder, StatusCodes.Status404NotFound);
}

/// <summary>403: the use case refuses this caller (beyond the permission the route requires).</summary>
public sealed class ForbiddenProblem : ProblemResult, IEndpointMetadataProvider
{
    ForbiddenProblem(string? detail)
        : base(Problem(StatusCodes.Status403Forbidden, "Forbidden", detail, "forbidden")) { }

    public static ForbiddenProblem Of(string? detail) => new(detail);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        Declare(builder, StatusCodes.Status403Forbidden);
}

/// <summary>409: the record's state does not allow the action, or someone else changed it first.</summary>
public sealed class ConflictProblem : ProblemResult, IEndpointMetadataProvider
{
    ConflictProblem(string? detail) : base(Problem(StatusCodes.Status409Conflict, "Conflict", detail, "conflict")) { }

    public static ConflictProblem Of(string? detail) => new(detail);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        Declare(builder, StatusCodes.Status409Conflict);
}

/// <summary>422: a business rule refused the request; <c>rule</c> names it (and ends the type URI).</summary>
public sealed class RuleProblem : ProblemResult, IEndpointMetadataProvider
{
    RuleProblem(string rule, string? detail)
        : base(Problem(StatusCodes.Status422UnprocessableEntity, "A business rule refused the request", detail,
            "rule/" + rule, new Dictionary<string, object?> { ["rule"] = rule })) { }

    public static RuleProblem Of(string rule, string? detail) => new(rule, detail);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        Declare(builder, StatusCodes.Status422UnprocessableEntity);
}

/// <summary>401 answered by an endpoint itself (the token endpoint: wrong credentials, a locked account).</summary>
public sealed class UnauthorizedProblem : ProblemResult, IEndpointMetadataProvider
{
    UnauthorizedProblem(string title, string? detail, string type)
        : base(Problem(StatusCodes.Status401Unauthorized, title, detail, type)) { }

    public static UnauthorizedProblem Of(string title, string? detail, string type) => new(title, detail, type);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        Declare(builder, StatusCodes.Status401Unauthorized);
}
