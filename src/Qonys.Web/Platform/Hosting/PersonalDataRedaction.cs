using System.Text.RegularExpressions;

namespace Qonys.Web.Platform.Hosting;

/// <summary>
/// Takes personal identifiers out of text bound for logs and traces (docs/operations.md "Personal data in logs and
/// traces"): IINs and BINs (12 digits), passport numbers (one or two capital letters and 6 to 9 digits), e-mail
/// addresses, and a URL's query values. Names cannot be told from other words, so nothing that carries them (request
/// bodies, query values, paths of unmatched routes) is logged or traced at all.
/// </summary>
internal static partial class PersonalDataRedaction
{
    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}")]
    private static partial Regex Email();

    [GeneratedRegex(@"(?<![0-9])[0-9]{12}(?![0-9])")]
    private static partial Regex IinOrBin();

    [GeneratedRegex(@"(?<![A-Za-z0-9])[A-Z]{1,2}[0-9]{6,9}(?![A-Za-z0-9])")]
    private static partial Regex Passport();

    [GeneratedRegex(@"\?[^\s""']*")]
    private static partial Regex Query();

    public static string Redact(string text)
    {
        if (text.Length == 0) return text;
        text = Query().Replace(text, "?[query]");
        text = Email().Replace(text, "[email]");
        text = IinOrBin().Replace(text, "[id]");
        return Passport().Replace(text, "[passport]");
    }
}
