namespace Qonys.Web.Modules.Permits.Demo;

/// <summary>Small tools of the permits' demo data: permit number serials and day bounds.</summary>
internal static class DemoNumbers
{
    const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    /// <summary>The serial in the permit numbers' base-32 alphabet (no 0, 1, I, O), <paramref name="width"/> characters.</summary>
    public static string Base32(int value, int width)
    {
        Span<char> chars = stackalloc char[width];
        for (var i = width - 1; i >= 0; i--, value /= 32) chars[i] = Alphabet[value % 32];
        return new string(chars);
    }

    public static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
    public static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
