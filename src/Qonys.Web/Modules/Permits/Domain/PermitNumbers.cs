using System.Security.Cryptography;

namespace Qonys.Web.Modules.Permits.Domain;

/// <summary>Permit numbers: unguessable (eight random characters without 0/O/1/I), easy to read aloud.</summary>
internal static class PermitNumbers
{
    const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    /// <summary>"35-2026-7K3QX9AB": the region's digits, the year, eight random characters.</summary>
    public static string New(string regionCode, int year) => $"{regionCode[3..]}-{year}-{Random()}";

    /// <summary>"HH-2026-7K3QX9AB": household permits, the year, eight random characters.</summary>
    public static string NewHousehold(int year) => $"HH-{year}-{Random()}";

    static string Random()
    {
        Span<char> random = stackalloc char[8];
        for (var i = 0; i < random.Length; i++) random[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        return new string(random);
    }
}
