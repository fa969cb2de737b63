using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Qonys.Engines.Json;

namespace Qonys.Web.Platform.Errors;

/// <summary>
/// Turns every exception into RFC 9457 problem details: bad input (unreadable JSON, a value of the wrong type, a
/// body too large) becomes 400/413 naming the field; anything else 500 with no internals.
/// </summary>
internal sealed class ProblemExceptionHandler(ILogger<ProblemExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        IResult result;
        if (exception is BadHttpRequestException bad)
        {
            result = bad.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? ResultMapping.Problem(413, "Request too large", "The request body exceeds the allowed size.", "too-large")
                : BadInput(bad);
        }
        else if (exception is JsonException json)
        {
            result = JsonProblem(json);
        }
        else
        {
            // The route pattern, never the path: paths carry identifiers (BIN, IIN) that must not reach the logs.
            // The exception handler clears the endpoint before it runs the handlers; the feature keeps the failed one.
            var endpoint = http.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? http.GetEndpoint();
            var route = (endpoint as RouteEndpoint)?.RoutePattern.RawText ?? endpoint?.DisplayName ?? "(no endpoint: " + FirstSegment(http) + ")";
            log.LogError(exception, "Unhandled exception on {Method} {Route}", http.Request.Method, route);
            result = ResultMapping.Problem(500, "Internal error", "The server could not complete the request. It has been logged; " +
                                                             "quote the trace id when you report it.", "internal");
        }
        await result.ExecuteAsync(http);
        return true;
    }

    /// <summary>The first path segment only ("/api", "/lib"): enough to place a request that matched no endpoint.</summary>
    static string FirstSegment(HttpContext http)
    {
        var path = http.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? http.Request.Path.Value ?? "";
        var end = path.IndexOf('/', 1);
        return end < 0 ? path : path[..end];
    }

    static IResult BadInput(BadHttpRequestException bad)
    {
        for (Exception? e = bad; e is not null; e = e.InnerException)
            if (e is JsonException json) return JsonProblem(json);
        return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [bad.Message] },
            title: "The request is not valid", type: ResultMapping.ProblemBase + "validation");
    }

    static IResult JsonProblem(JsonException json)
    {
        if (json is NullElementException nullElement)
        {
            var holder = FieldName(json.Path);
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { [holder == "body" ? nullElement.Member : holder + "." + nullElement.Member] = ["may not be null"] },
                title: "The request is not valid", type: ResultMapping.ProblemBase + "validation");
        }
        var field = FieldName(json.Path);
        var message = field == "body" ? "is not valid JSON" : "has a value of the wrong type or format";
        return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] },
            title: "The request is not valid", type: ResultMapping.ProblemBase + "validation");
    }

    /// <summary>"$.staff.citizens['3']" → "staff.citizens.3"; "$" or none → "body".</summary>
    public static string FieldName(string? jsonPath)
    {
        if (string.IsNullOrEmpty(jsonPath) || jsonPath == "$") return "body";
        var path = jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath.TrimStart('$');
        path = path.Replace("['", ".", StringComparison.Ordinal).Replace("']", "", StringComparison.Ordinal).TrimStart('.');
        return path.Length == 0 ? "body" : path;
    }
}
