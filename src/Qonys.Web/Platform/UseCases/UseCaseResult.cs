namespace Qonys.Web.Platform.UseCases;

// Public: tests take it as a theory parameter (xunit needs public test methods).
public enum Outcome { Ok, Created, Invalid, NotFound, Forbidden, Conflict, Refused }

/// <summary>
/// What a use case answers, whatever the caller (API endpoint or Razor Page): a value, or one of the refusals the
/// API maps to 400/403/404/409/422 problem details and the UI to form errors.
/// </summary>
internal sealed record UseCaseResult<T>(Outcome Outcome, T? Value, ValidationErrors? Errors, string? Detail, string? Rule)
{
    public bool Succeeded => Outcome is Outcome.Ok or Outcome.Created;
    public static UseCaseResult<T> Ok(T value) => new(Outcome.Ok, value, null, null, null);
    public static UseCaseResult<T> Created(T value) => new(Outcome.Created, value, null, null, null);
    public static UseCaseResult<T> Invalid(ValidationErrors errors) => new(Outcome.Invalid, default, errors, null, null);
    public static UseCaseResult<T> Invalid(string field, string message) => Invalid(ValidationErrors.Of(field, message));
    public static UseCaseResult<T> NotFound() => new(Outcome.NotFound, default, null, null, null);
    public static UseCaseResult<T> Forbidden(string detail) => new(Outcome.Forbidden, default, null, detail, null);
    public static UseCaseResult<T> Conflict(string detail) => new(Outcome.Conflict, default, null, detail, null);
    public static UseCaseResult<T> Refused(string rule, string detail) => new(Outcome.Refused, default, null, detail, rule);

    /// <summary>Carries a refusal over to another value type.</summary>
    public UseCaseResult<TOther> As<TOther>() =>
        Succeeded ? throw new InvalidOperationException("only refusals convert") : new(Outcome, default, Errors, Detail, Rule);
}
