using Qonys.Web.Modules.Permits.Domain;
using Qonys.Web.Platform.Reference;

namespace Qonys.Tests.Permits;

/// <summary>
/// The local-content exemptions with the shipped rule values in force on a day (permit rules, PRODUCT.md §3): branches
/// of at most 30 staff before 01.07.2023 and at most 10 from then; every small business before 01.09.2025, then only up
/// to 20 staff. The firm below has too few citizens to pass the check itself, so an exemption is the only way out.
/// </summary>
public sealed class LocalContentByDateTests
{
    static readonly IReadOnlyDictionary<string, List<RuleValue>> Rules =
        ReferenceSeeder.ShippedRuleValues().GroupBy(r => r.Key).ToDictionary(g => g.Key, g => g.ToList());

    static RuleParameter Rule(string key, DateOnly on)
    {
        var v = ReferenceData.ValueOn(Rules[key], on).ShouldNotBeNull(key);
        return new RuleParameter(v.Value, v.EffectiveFrom);
    }

    static CheckOutcome Check(DateOnly on, int staff, bool small, bool branch)
    {
        var values = new PermitRuleValues(new RuleParameter(70, on), new RuleParameter(90, on),
            Rule("local_content.exempt.branch_max_staff", on), Rule("local_content.exempt.small_business_max_staff", on),
            new RuleParameter(50, on), new RuleParameter(36, on), null, new RuleParameter(100, on));
        // Category 3: half the staff are foreigners (50 % citizens < 90 %), the one hire applied for is counted too.
        var facts = new ApplicationFacts
        {
            Category = "3", WorkerCount = 1, Months = 12, MonthlySalaryKzt = 500_000, SubmittedOn = on,
            CitizenStaff = [0, 0, (staff + 1) / 2, 0], ForeignStaff = [0, 0, staff / 2, 0],
            IsSmallBusiness = small, IsBranchOffice = branch, WorkerEducations = ["bachelor"],
        };
        facts.TotalStaff.ShouldBe(staff);
        return PermitRules.CheckLocalContent(facts, values).Outcome;
    }

    [Theory]
    [InlineData("2023-06-30", 30, CheckOutcome.NotApplicable)]
    [InlineData("2023-06-30", 31, CheckOutcome.Failed)]
    [InlineData("2023-06-30", 11, CheckOutcome.NotApplicable)]
    [InlineData("2023-07-01", 11, CheckOutcome.Failed)]
    [InlineData("2023-07-01", 10, CheckOutcome.NotApplicable)]
    [InlineData("2026-01-01", 10, CheckOutcome.NotApplicable)]
    [InlineData("2026-01-01", 11, CheckOutcome.Failed)]
    public void Branches(string day, int staff, CheckOutcome expected) =>
        Check(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), staff, small: false, branch: true).ShouldBe(expected);

    [Theory]
    [InlineData("2023-01-01", 95, CheckOutcome.NotApplicable)]
    [InlineData("2025-08-31", 21, CheckOutcome.NotApplicable)]
    [InlineData("2025-08-31", 100, CheckOutcome.NotApplicable)]
    [InlineData("2025-09-01", 21, CheckOutcome.Failed)]
    [InlineData("2025-09-01", 20, CheckOutcome.NotApplicable)]
    [InlineData("2026-06-01", 20, CheckOutcome.NotApplicable)]
    [InlineData("2026-06-01", 21, CheckOutcome.Failed)]
    public void Small_businesses(string day, int staff, CheckOutcome expected) =>
        Check(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), staff, small: true, branch: false).ShouldBe(expected);

    [Fact]
    public void A_firm_that_is_neither_is_never_exempt()
    {
        Check(new DateOnly(2023, 6, 30), 10, small: false, branch: false).ShouldBe(CheckOutcome.Failed);
        Check(new DateOnly(2025, 8, 31), 10, small: false, branch: false).ShouldBe(CheckOutcome.Failed);
    }
}
