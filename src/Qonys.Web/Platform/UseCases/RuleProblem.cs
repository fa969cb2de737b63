using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace Qonys.Web.Platform.UseCases;

/// <summary>422: a business rule refused the request; <c>rule</c> names it (and ends the type URI).</summary>
internal sealed class RuleProblem : ProblemResult, IEndpointMetadataProvider
{
    RuleProblem(string rule, string? detail)
        : base(Problem(StatusCodes.Status422UnprocessableEntity, "A business rule refused the request", detail,
            "rule/" + rule, new Dictionary<string, object?> { ["rule"] = rule })) { }

    public static RuleProblem Of(string rule, string? detail) => new(rule, detail);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        Declare(builder, StatusCodes.Status422UnprocessableEntity);
}
