using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace Qonys.Web.Platform.UseCases;

/// <summary>401 answered by an endpoint itself (the token endpoint: wrong credentials, a locked account).</summary>
internal sealed class UnauthorizedProblem : ProblemResult, IEndpointMetadataProvider
{
    UnauthorizedProblem(string title, string? detail, string type)
        : base(Problem(StatusCodes.Status401Unauthorized, title, detail, type)) { }

    public static UnauthorizedProblem Of(string title, string? detail, string type) => new(title, detail, type);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        Declare(builder, StatusCodes.Status401Unauthorized);
}
