using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace Qonys.Web.Platform.UseCases;

/// <summary>409: the record's state does not allow the action, or someone else changed it first.</summary>
internal sealed class ConflictProblem : ProblemResult, IEndpointMetadataProvider
{
    ConflictProblem(string? detail) : base(Problem(StatusCodes.Status409Conflict, "Conflict", detail, "conflict")) { }

    public static ConflictProblem Of(string? detail) => new(detail);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        Declare(builder, StatusCodes.Status409Conflict);
}
