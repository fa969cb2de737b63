namespace Qonys.Web.Modules.Selection.Pages;

/// <summary>A form's error summary: field (or scorecard path) and message, from a use case's refusal.</summary>
internal sealed record FormError(string Field, string Message)
{
    public static List<FormError> From<T>(UseCaseResult<T> result) =>
        result.Errors is { } errors
            ? errors.ToDictionary().SelectMany(e => e.Value.Select(m => new FormError(e.Key, e.Key + ": " + m))).ToList()
            : [new FormError("", result.Detail ?? result.Outcome.ToString())];
}
