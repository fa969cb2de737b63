namespace Qonys.Web.Platform.OpenApi;

/// <summary>
/// The 200 answer is (or may also be) a file of these media types: documented as a binary string, which the endpoint's
/// typed results cannot say (a file result carries no response metadata).
/// </summary>
internal sealed record FileResponse(IReadOnlyList<string> ContentTypes);

internal static class FileResponseExtensions
{
    public static TBuilder ProducesFile<TBuilder>(this TBuilder builder, params string[] contentTypes)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new FileResponse(contentTypes));
}
