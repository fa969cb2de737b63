using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Json;
using Qonys.Engines.Json;

namespace Qonys.Web.Platform.Errors;

/// <summary>
/// Every request body the API binds refuses null list elements it did not declare nullable (<c>"criteria": [null]</c>):
/// a 400 naming the element (<see cref="ProblemExceptionHandler"/>) instead of a null reaching a use case; strings
/// may not contain NUL (<see cref="NulFreeStringConverter"/>).
/// </summary>
static class NullElementBinding
{
    public static IServiceCollection AddNullElementRejection(this IServiceCollection services) =>
        services.PostConfigure<JsonOptions>(o =>
        {
            o.SerializerOptions.TypeInfoResolver =
                (o.SerializerOptions.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(NullElements.Reject);
            o.SerializerOptions.Converters.Add(new NulFreeStringConverter()); // and NUL characters in strings
        });
}
