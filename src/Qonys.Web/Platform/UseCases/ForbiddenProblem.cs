using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace Qonys.Web.Platform.UseCases;

/// <summary>403: the use case refuses this caller (beyond the permission the route requires).</summary>
internal sealed class ForbiddenProblem : ProblemResult, IEndpointMetadataProvider
{
    ForbiddenProblem(string? detail)
        : base(Problem(StatusCodes.Status403Forbidden, "Forbidden", detail, "forbidden")) { }

    public static ForbiddenProblem Of(string? detail) => new(detail);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        Declare(builder, StatusCodes.Status403Forbidden);
}
