using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace Qonys.Web.Platform.UseCases;

/// <summary>
/// An RFC 9457 refusal with a fixed status, as a typed result: the body is what <see cref="ProblemHttpResult"/> writes
/// (with the trace id the host adds), and each subclass declares its status and <c>application/problem+json</c> to the
/// OpenAPI document through <see cref="IEndpointMetadataProvider"/>.
/// </summary>
internal abstract class ProblemResult(ProblemHttpResult problem)
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
