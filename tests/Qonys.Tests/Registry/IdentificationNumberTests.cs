using Qonys.Web.Modules.Registry.Domain;
using Qonys.Web.Platform.Demo;

namespace Qonys.Tests.Registry;

public sealed class IdentificationNumberTests
{
    // 90010130001: 9·1 + 1·4 + 1·6 + 3·7 + 1·11 = 51; 51 mod 11 = 7 → check digit 7 (first pass).
    const string FirstPassIin = "900101300017";

    // 88123150042: first pass 8·1+8·2+1·3+2·4+3·5+1·6+5·7+4·10+2·11 = 153; 153 mod 11 = 10 → second pass with
    // weights 3..11,1,2: 8·3+8·4+1·5+2·6+3·7+1·8+5·9+4·1+2·2 = 155; 155 mod 11 = 1 → check digit 1.
    const string SecondPassIin = "881231500421";

    // 00000000010: first pass 1·10 = 10 → second pass 1·1 = 1 → check digit 1.
    const string SecondPassMinimal = "000000000101";

    [Theory]
    [InlineData(FirstPassIin)]
    [InlineData(SecondPassIin)]
    [InlineData(SecondPassMinimal)]
    public void Valid_numbers_are_accepted(string number)
    {
        IdentificationNumber.Problem(number).ShouldBeNull();
        IdentificationNumber.IsValid(number).ShouldBeTrue();
    }

    [Theory]
    [InlineData("90010130001", 7)]
    [InlineData("88123150042", 1)]
    [InlineData("00000000010", 1)]
    // 99034000123: 9+18+12+20+9+20+33 = 121 = 11·11 → 0.
    [InlineData("99034000123", 0)]
    public void Check_digit_is_computed_by_the_two_pass_scheme(string firstEleven, int expected) =>
        IdentificationNumber.CheckDigit(firstEleven).ShouldBe(expected);

    [Fact]
    public void Complete_appends_the_check_digit()
    {
        IdentificationNumber.Complete("90010130001").ShouldBe(FirstPassIin);
        IdentificationNumber.Complete("88123150042").ShouldBe(SecondPassIin);
    }

    [Fact]
    public void Every_other_last_digit_is_a_wrong_check_digit()
    {
        foreach (var valid in new[] { FirstPassIin, SecondPassIin })
            for (var d = '0'; d <= '9'; d++)
            {
                if (d == valid[11]) continue;
                var wrong = valid[..11] + d;
                IdentificationNumber.Problem(wrong).ShouldBe("has a wrong check digit");
                IdentificationNumber.IsValid(wrong).ShouldBeFalse();
            }
    }

    [Fact]
    public void Swapping_two_different_digits_is_detected()
    {
        // 900101300017 → 090101300017: weights 1 and 2 swap their digits: the sum changes by 9·(2−1) = 9, not a multiple of 11.
        IdentificationNumber.IsValid("090101300017").ShouldBeFalse();
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public void A_missing_number_is_required(string? number) => IdentificationNumber.Problem(number).ShouldBe("is required");

    [Theory]
    [InlineData("90010130001")]     // 11 digits
    [InlineData("9001013000170")]   // 13 digits
    [InlineData("1")]
    public void A_number_of_the_wrong_length_is_refused(string number) =>
        IdentificationNumber.Problem(number).ShouldBe("must have exactly 12 digits");

    [Theory]
    [InlineData("90010130001a")]
    [InlineData("9001 1300017")]
    [InlineData("-90101300017")]
    [InlineData("٩٠٠١٠١٣٠٠٠١٧")] // Arabic-Indic digits are not ASCII digits
    public void Non_digits_are_refused(string number) =>
        IdentificationNumber.Problem(number).ShouldBe("must contain digits only");

    [Fact]
    public void Eleven_digits_with_no_valid_check_digit_are_never_issued()
    {
        // 00000000605: first pass 6·9 + 5·11 = 109; 109 mod 11 = 10; second pass 6·11 + 5·2 = 76; 76 mod 11 = 10.
        IdentificationNumber.CheckDigit("00000000605").ShouldBeNull();
        IdentificationNumber.Complete("00000000605").ShouldBeNull();
        for (var d = '0'; d <= '9'; d++)
            IdentificationNumber.Problem("00000000605" + d).ShouldBe("is not a number that can be issued (no valid check digit exists)");
    }

    [Fact]
    public void Check_digit_rejects_input_that_is_not_eleven_digits()
    {
        Should.Throw<ArgumentException>(() => IdentificationNumber.CheckDigit("1234"));
        Should.Throw<ArgumentException>(() => IdentificationNumber.CheckDigit("1234567890x"));
    }

    /// <summary>
    /// A second, independent statement of the scheme: weight of digit i (0-based) is i + 1 in the first pass and
    /// (i + 2) mod 11 + 1 in the second; each pass's sum taken modulo 11, 10 meaning "try again" / "never issued".
    /// </summary>
    static int? ReferenceCheckDigit(string firstEleven)
    {
        int Pass(Func<int, int> weight) => firstEleven.Select((c, i) => (c - '0') * weight(i)).Sum() % 11;
        var first = Pass(i => i + 1);
        if (first < 10) return first;
        var second = Pass(i => ((i + 2) % 11) + 1);
        return second < 10 ? second : null;
    }

    [Fact]
    public void The_reference_statement_reproduces_the_hand_worked_check_digits()
    {
        ReferenceCheckDigit("90010130001").ShouldBe(7);
        ReferenceCheckDigit("88123150042").ShouldBe(1);
        ReferenceCheckDigit("00000000010").ShouldBe(1);
        ReferenceCheckDigit("99034000123").ShouldBe(0);
        ReferenceCheckDigit("00000000605").ShouldBeNull();
    }

    [Fact]
    public void Completing_any_eleven_digits_agrees_with_the_reference_statement_and_accepts_exactly_that_last_digit()
    {
        // Deterministic sweep: the production scheme must agree with the reference on every prefix, and of the ten
        // possible last digits exactly the reference's one (or none) must be accepted.
        var random = new Random(20260301);
        var unissuable = 0;
        for (var i = 0; i < 2000; i++)
        {
            var prefix = string.Concat(Enumerable.Range(0, 11).Select(_ => (char)('0' + random.Next(10))));
            var expected = ReferenceCheckDigit(prefix);
            IdentificationNumber.CheckDigit(prefix).ShouldBe(expected, prefix);
            IdentificationNumber.Complete(prefix).ShouldBe(expected is { } d ? prefix + (char)('0' + d) : null, prefix);
            var accepted = Enumerable.Range(0, 10).Where(last => IdentificationNumber.IsValid(prefix + (char)('0' + last))).ToList();
            accepted.ShouldBe(expected is { } e ? [e] : [], prefix);
            if (expected is null) unissuable++;
        }
        // About 1 prefix in 100 has no check digit (both passes give 10): the sweep must have met some, but few.
        unissuable.ShouldBeInRange(1, 60);
    }

    [Fact]
    public void The_demo_employer_has_a_valid_bin() =>
        IdentificationNumber.Problem(DemoAccounts.DemoEmployerBin).ShouldBeNull();
}
