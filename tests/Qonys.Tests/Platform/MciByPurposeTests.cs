using Qonys.Web.Platform.Reference;

namespace Qonys.Tests.Platform;

/// <summary>The shipped MCI by purpose against the budget laws (PRODUCT.md §3), expected values written by hand.</summary>
public sealed class MciByPurposeTests
{
    static readonly IReadOnlyDictionary<string, List<RuleValue>> Rules =
        ReferenceSeeder.ShippedRuleValues().GroupBy(r => r.Key).ToDictionary(g => g.Key, g => g.ToList());

    static RuleValue On(string day, MciPurpose purpose) =>
        ReferenceData.MciOn(Rules, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), purpose).ShouldNotBeNull(day);

    [Theory]
    // 2020: 2,651, then 2,778 from 1 April: for benefits confirmed, for fines and fees unconfirmed (sources conflict)
    [InlineData("2020-01-01", 2651, false, 2651, false)]
    [InlineData("2020-03-31", 2651, false, 2651, false)]
    [InlineData("2020-04-01", 2778, true, 2778, false)]
    [InlineData("2020-12-31", 2778, true, 2778, false)]
    [InlineData("2021-01-01", 2917, false, 2917, false)]
    // 2022: 3,063 all year for fines, taxes and fees; 3,180 from 1 April for benefits and social payments only
    [InlineData("2022-01-01", 3063, false, 3063, false)]
    [InlineData("2022-03-31", 3063, false, 3063, false)]
    [InlineData("2022-04-01", 3063, false, 3180, false)]
    [InlineData("2022-06-01", 3063, false, 3180, false)]
    [InlineData("2022-12-31", 3063, false, 3180, false)]
    [InlineData("2023-01-01", 3450, false, 3450, false)]
    // 2025 (Law 141-VIII of 04.12.2024) and 2026 are confirmed
    [InlineData("2025-01-01", 3932, false, 3932, false)]
    [InlineData("2026-12-31", 4325, false, 4325, false)]
    public void The_mci_on_a_day_for_fines_and_fees_and_for_benefits(string day, int fees, bool feesUnconfirmed, int benefits, bool benefitsUnconfirmed)
    {
        var forFees = On(day, MciPurpose.FinesTaxesAndFees);
        forFees.Value.ShouldBe(fees);
        forFees.Unconfirmed.ShouldBe(feesUnconfirmed);
        var forBenefits = On(day, MciPurpose.BenefitsAndSocialPayments);
        forBenefits.Value.ShouldBe(benefits);
        forBenefits.Unconfirmed.ShouldBe(benefitsUnconfirmed);
    }

    [Fact]
    public void Every_year_from_2017_to_2026_has_one_value_for_fees_on_every_day()
    {
        for (var day = new DateOnly(2017, 1, 1); day <= new DateOnly(2026, 12, 31); day = day.AddDays(1))
            Rules["mci"].Count(r => r.EffectiveFrom <= day && (r.EffectiveTo is null || r.EffectiveTo >= day)).ShouldBe(1, day.ToString());
        ReferenceData.MciOn(Rules, new DateOnly(2016, 12, 31), MciPurpose.FinesTaxesAndFees).ShouldBeNull();
    }
}
