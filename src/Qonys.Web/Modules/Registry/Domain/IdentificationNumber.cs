namespace Qonys.Web.Modules.Registry.Domain;

/// <summary>
/// Kazakhstan's 12-digit individual (IIN) and business (BIN) identification numbers share one
/// check-digit scheme: the weighted sum of the first eleven digits with weights 1..11, modulo 11;
/// when that gives 10, a second pass with weights 3..11,1,2; when that gives 10 again the number
/// is never issued. Nor is a number of one repeated digit (000000000000 passes the check-digit scheme).
/// </summary>
internal static class IdentificationNumber
{
    static readonly int[] FirstWeights = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
    static readonly int[] SecondWeights = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

    /// <summary>The check digit for the first eleven digits, or null when no valid number can end them.</summary>
    public static int? CheckDigit(ReadOnlySpan<char> firstEleven)
    {
        if (firstEleven.Length != 11) throw new ArgumentException("eleven digits expected", nameof(firstEleven));
        var first = WeightedSum(firstEleven, FirstWeights) % 11;
        if (first != 10) return first;
        var second = WeightedSum(firstEleven, SecondWeights) % 11;
        return second == 10 ? null : second;
    }

    /// <summary>Why <paramref name="value"/> is not a valid IIN/BIN, or null when it is.</summary>
    public static string? Problem(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "is required";
        if (value.Length != 12) return "must have exactly 12 digits";
        foreach (var c in value)
            if (c is < '0' or > '9') return "must contain digits only";
        if (value.AsSpan().IndexOfAnyExcept(value[0]) < 0) return "is not a number that can be issued (one digit repeated)";
        var check = CheckDigit(value.AsSpan(0, 11));
        if (check is null) return "is not a number that can be issued (no valid check digit exists)";
        return check.Value == value[11] - '0' ? null : "has a wrong check digit";
    }

    public static bool IsValid(string? value) => Problem(value) is null;

    /// <summary>Completes eleven digits with their check digit; null when no check digit exists.</summary>
    public static string? Complete(string firstEleven) =>
        CheckDigit(firstEleven) is { } d ? firstEleven + (char)('0' + d) : null;

    static int WeightedSum(ReadOnlySpan<char> digits, int[] weights)
    {
        var sum = 0;
        for (var i = 0; i < 11; i++)
        {
            var c = digits[i];
            if (c is < '0' or > '9') throw new ArgumentException("digits only", nameof(digits));
            sum += (c - '0') * weights[i];
        }
        return sum;
    }
}
