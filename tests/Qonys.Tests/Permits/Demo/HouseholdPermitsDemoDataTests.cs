using Qonys.Tests.Platform.Demo;
using Qonys.Web.Modules.Permits.Demo;
using Qonys.Web.Modules.Permits.Domain;
using Qonys.Web.Modules.Registry.Domain;

namespace Qonys.Tests.Permits.Demo;

/// <summary>The household permits of the demo data against the published figures of 2025-10-01 and the household rules.</summary>
public sealed class HouseholdPermitsDemoDataTests
{
    static InMemoryDemoSet Set => InMemoryDemoSet.Default;

    [Fact]
    public void Household_labour_immigrants_on_1_October_2025_match_the_published_figures()
    {
        var figures = PublishedFigures.All.Where(f => f.Name == "household_labour_immigrants" && f.AsOf == "2025-10-01").ToList();
        figures.Count.ShouldBe(2);
        var valid = Set.HouseholdPermits.Where(p => p.IsValidOn(PermitsDemoFigures.October)).ToList();
        foreach (var f in figures)
            valid.Count(p => f.Dimension == "total" || p.WorkerCitizenship == f.Value).ShouldBe((int)f.Number, f.Dimension + " " + f.Value);
        // 132,500 − 124,100 = 8,400 from the neighbours, Tajikistan the largest of them
        valid.Where(p => p.WorkerCitizenship != "UZ").GroupBy(p => p.WorkerCitizenship).MaxBy(g => g.Count())!.Key.ShouldBe("TJ");
        valid.ShouldNotContain(p => p.WorkerCitizenship == "KZ");
    }

    [Fact]
    public void Household_permits_not_valid_on_1_October_2025_are_the_chosen_few_before_and_after_it()
    {
        var before = Set.HouseholdPermits.Count(p => p.ValidUntil < PermitsDemoFigures.October);
        var after = Set.HouseholdPermits.Count(p => p.ValidFrom > PermitsDemoFigures.October);
        // docs/demo-data.md: 132,500 valid on 2025-10-01, 9,300 ended before it, 3,950 start after it
        before.ShouldBe(9_300);
        after.ShouldBe(3_950);
        // at most about 20 % more rows than the 132,500 valid ones
        Set.HouseholdPermits.Count.ShouldBe(132_500 + before + after);
        (before + after).ShouldBeLessThanOrEqualTo(132_500 / 5);
    }

    [Fact]
    public void Households_hold_one_to_five_permits_in_unique_slots_with_valid_iins()
    {
        var households = Set.HouseholdPermits.GroupBy(p => p.EmployerIin).ToList();
        households.ShouldAllBe(h => h.Count() >= 1 && h.Count() <= 5);
        households.ShouldAllBe(h => IdentificationNumber.IsValid(h.Key));
        // most households employ one worker, a few the five the law allows
        households.Count(h => h.Count() == 1).ShouldBeGreaterThan(households.Count / 2);
        households.Count(h => h.Count() == 5).ShouldBeInRange(1, households.Count / 20);
        // (IIN, slot) is unique among the permits holding a slot, and the active ones hold slots 1..5
        var slotted = Set.HouseholdPermits.Where(p => p.EmployerSlot is not null).ToList();
        slotted.Select(p => (p.EmployerIin, p.EmployerSlot)).Distinct().Count().ShouldBe(slotted.Count);
        Set.HouseholdPermits.ShouldAllBe(p => (p.Status == HouseholdPermitStatus.Active) == (p.EmployerSlot != null));
        slotted.ShouldAllBe(p => p.EmployerSlot >= 1 && p.EmployerSlot <= 5);
        // no IIN ever holds more than five permits valid on the same day (checked on each permit's first day)
        foreach (var h in households)
            foreach (var p in h)
                h.Count(q => q.IsValidOn(p.ValidFrom)).ShouldBeLessThanOrEqualTo(5);
        Set.HouseholdPermits.Select(p => p.Number).Distinct().Count().ShouldBe(Set.HouseholdPermits.Count);
    }

    [Fact]
    public void Household_permits_last_1_to_12_months_with_4_mci_a_month_prepaid_at_the_issue_years_mci()
    {
        var statusAsOf = InMemoryDemoSet.StatusAsOf;
        foreach (var p in Set.HouseholdPermits)
        {
            p.Months.ShouldBeInRange(1, 12, p.Number);
            p.ValidUntil.ShouldBe(p.ValidFrom.AddMonths(p.Months).AddDays(-1), p.Number);
            p.IssuedOn.ShouldBe(p.ValidFrom);
            p.IssuedOn.Year.ShouldBeInRange(2024, 2025);
            p.MciYear.ShouldBe(p.IssuedOn.Year);
            // PRODUCT.md: 4 MCI for each month, at the MCI of the issue year (budget laws: 3,692 KZT in 2024, 3,932 KZT in 2025)
            var mciKzt = p.IssuedOn.Year == 2024 ? 3_692 : 3_932;
            (p.PrepaidTaxMci, p.PrepaidTaxKzt).ShouldBe((4 * p.Months, 4L * p.Months * mciKzt), p.Number);
            p.Status.ShouldBe(p.ValidUntil < statusAsOf ? HouseholdPermitStatus.Expired : HouseholdPermitStatus.Active);
        }
        // a 12-month permit issued in 2025: 4 × 12 = 48 MCI × 3,932 KZT = 188,736 KZT
        Set.HouseholdPermits.First(p => p.Months == 12 && p.IssuedOn.Year == 2025).PrepaidTaxKzt.ShouldBe(188_736);
    }

    [Fact]
    public void Household_employers_live_mostly_in_the_big_cities_and_the_south()
    {
        var byRegion = Set.HouseholdPermits.GroupBy(p => p.RegionCode).ToDictionary(g => g.Key, g => g.Count());
        byRegion.OrderByDescending(r => r.Value).Take(5).Select(r => r.Key).Order()
            .ShouldBe(["KZ-19", "KZ-61", "KZ-71", "KZ-75", "KZ-79"]);
        byRegion.Keys.ShouldAllBe(code => code.StartsWith("KZ-", StringComparison.Ordinal));
        byRegion.Count.ShouldBe(20);
    }
}
