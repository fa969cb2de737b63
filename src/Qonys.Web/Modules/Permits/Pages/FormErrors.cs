using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Qonys.Web.Modules.Permits.Pages;

/// <summary>
/// The errors a permit form shows: in the error summary (each linked to its field) and on the fields themselves
/// (<c>aria-invalid</c>). Field keys are the API's JSON names ("workers[0].birthDate"); an entry without a field is
/// about the whole form (a refusal, a conflict).
/// </summary>
internal sealed partial class FormErrors
{
    public sealed record Entry(string? Field, string Text);

    readonly List<Entry> _entries = [];
    public IReadOnlyList<Entry> Entries => _entries;
    public bool Any => _entries.Count > 0;

    public void Add(string? field, string text) => _entries.Add(new Entry(field, text));

    /// <summary>The use case's field errors, each prefixed with the field's label; <paramref name="message"/> translates the messages it knows.</summary>
    public void AddAll(ValidationErrors? errors, Func<string, string> label, Func<string, string> message)
    {
        if (errors is null) return;
        foreach (var (field, messages) in errors.ToDictionary())
            foreach (var text in messages)
                Add(field, label(field) + ": " + message(text));
    }

    /// <summary>Values the browser sent that do not parse (a letter in a number, a malformed date).</summary>
    public void AddUnparsed(ModelStateDictionary state, Func<string, string> label, string message)
    {
        foreach (var (key, entry) in state)
            if (entry.Errors.Count > 0) Add(KeyOf(key), label(KeyOf(key)) + ": " + message);
    }

    public bool Has(string field) => _entries.Any(e => e.Field == field);

    /// <summary>The value of <c>aria-invalid</c> for a field: "true", or nothing.</summary>
    public string? Invalid(string field) => Has(field) ? "true" : null;

    /// <summary>The element id of a field: "workers[0].birthDate" → "workers-0-birthDate".</summary>
    public static string IdOf(string field) => NotIdCharacters().Replace(field, "-").Trim('-');

    /// <summary>A model-binding key ("Workers[0].BirthDate") as the API's field name ("workers[0].birthDate").</summary>
    public static string KeyOf(string modelKey) =>
        string.Join('.', modelKey.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));

    [GeneratedRegex("[^A-Za-z0-9_]+")]
    private static partial Regex NotIdCharacters();
}
