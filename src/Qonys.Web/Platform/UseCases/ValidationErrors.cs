namespace Qonys.Web.Platform.UseCases;

/// <summary>Field-keyed validation messages (keys are the JSON names, e.g. "staff.citizens.3").</summary>
internal sealed class ValidationErrors
{
    readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);
    public bool Any => _errors.Count > 0;
    /// <summary>The longest message kept: one that quotes the rejected input shows only the input's start.</summary>
    public const int MaxMessageLength = 240;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message.Length > MaxMessageLength ? message[..MaxMessageLength] + "…" : message);
    }
    public IDictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
    public static ValidationErrors Of(string field, string message)
    {
        var e = new ValidationErrors();
        e.Add(field, message);
        return e;
    }
}
