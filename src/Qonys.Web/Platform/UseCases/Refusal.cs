namespace Qonys.Web.Platform.UseCases;

/// <summary>
/// One refusal an endpoint declares it can answer: which <see cref="Outcome"/> of its use case and the typed result
/// that answers it. The endpoint names its refusals (<see cref="Refusals"/>) where it maps the use case's result, and
/// the compiler checks them against the <c>Results&lt;…&gt;</c> its handler declares.
/// </summary>
internal sealed class Refusal<TResult> where TResult : IResult
{
    readonly Func<ValidationErrors?, string?, string?, TResult> _answer;

    internal Refusal(Outcome outcome, Func<ValidationErrors?, string?, string?, TResult> answer)
    {
        Outcome = outcome;
        _answer = answer;
    }

    public Outcome Outcome { get; }

    internal bool Answers<T>(UseCaseResult<T> result) => result.Outcome == Outcome;

    internal TResult Answer<T>(UseCaseResult<T> result) =>
        result.Outcome == Outcome
            ? _answer(result.Errors, result.Detail, result.Rule)
            : throw ResultMapping.Undeclared(result.Outcome);
}
