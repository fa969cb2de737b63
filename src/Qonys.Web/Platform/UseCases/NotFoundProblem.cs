using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace Qonys.Web.Platform.UseCases;

/// <summary>404: the record does not exist or lies outside the caller's scope (API.md).</summary>
internal sealed class NotFoundProblem : ProblemResult, IEndpointMetadataProvider
{
    public const string DefaultDetail = "The record does not exist or you may not see it.";

    NotFoundProblem(string detail)
        : base(Problem(StatusCodes.Status404NotFound, "Not found", detail, "not-found")) { }

    public static NotFoundProblem Of(string detail = DefaultDetail) => new(detail);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        Declare(builder, StatusCodes.Status404NotFound);
}
