namespace Qonys.Web.Platform.OpenApi;

/// <summary>An OpenAPI tag with its description, declared where a group of endpoints is mapped.</summary>
internal sealed record ApiTag(string Name, string Description);

internal static class ApiTagExtensions
{
    /// <summary>Tags the endpoints (as <c>WithTags</c>) and gives the tag its description in the document.</summary>
    public static TBuilder WithTag<TBuilder>(this TBuilder builder, string name, string description)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithTags(name).WithMetadata(new ApiTag(name, description));
}
