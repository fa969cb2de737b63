using Qonys.Web.Modules.Permits.Domain;

namespace Qonys.Tests.Permits;

public sealed class LifecycleHouseholdRulesTests
{
    static RuleParameter P(decimal v) => new(v, new DateOnly(2025, 1, 1));

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(12, true)]
    [InlineData(13, false)]
    public void The_term_is_1_to_12_months(int months, bool allowed)
    {
        var refusal = HouseholdRules.TermProblem(months, P(1), P(12));
        if (allowed) refusal.ShouldBeNull();
        else refusal!.Rule.ShouldBe(HouseholdRules.Term);
    }

    [Fact]
    public void A_fifth_permit_takes_the_last_slot_and_a_sixth_finds_none()
    {
        HouseholdRules.FreeSlot([1, 2, 3, 4], 5).ShouldBe(5);
        HouseholdRules.FreeSlot([1, 2, 3, 4, 5], 5).ShouldBeNull();
    }

    [Fact]
    public void The_lowest_free_slot_is_taken_again_after_a_permit_ended()
    {
        HouseholdRules.FreeSlot([], 5).ShouldBe(1);
        HouseholdRules.FreeSlot([2, 4], 5).ShouldBe(1);
        HouseholdRules.FreeSlot([1, 2, 4, 5], 5).ShouldBe(3);
    }

    // 4 MCI × 12 months = 48 MCI; 48 × 4,325 KZT (MCI 2026) = 207,600 KZT. 4 × 1 = 4 MCI = 17,300 KZT.
    [Theory]
    [InlineData(12, 48, 207_600)]
    [InlineData(1, 4, 17_300)]
    public void The_prepaid_tax_is_4_MCI_per_month(int months, int mci, long kzt) =>
        HouseholdRules.PrepaidTax(months, 4, 4325).ShouldBe((mci, kzt));

    [Fact]
    public void The_limit_message_shows_only_the_last_four_digits_of_the_IIN()
    {
        var refusal = HouseholdRules.LimitReached("900101300123", 5);
        refusal.Rule.ShouldBe(HouseholdRules.Limit);
        refusal.Detail.ShouldContain("********0123");
        refusal.Detail.ShouldNotContain("900101300123");
    }
}
