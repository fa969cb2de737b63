using Qonys.Web.Modules.Permits.Domain;

namespace Qonys.Tests.Permits;

public sealed class PermitRulesTests
{
    static readonly DateOnly V = new(2025, 1, 1);
    static RuleParameter P(decimal v) => new(v, V);

    static readonly PermitRuleValues Values = new(
        MinCitizenShareCat12: P(70), MinCitizenShareCat34: P(90), BranchExemptMaxStaff: P(10), SmallBusinessExemptMaxStaff: P(20),
        IctMaxShareOfCitizens: P(50), IctMaxTermMonths: P(36), MinVacancyDays: new RuleParameter(15, new DateOnly(2025, 9, 1)),
        SalaryThresholdPercent: P(100));

    static ApplicationFacts Facts(string category = "3", int workers = 1, int[]? citizens = null, int[]? foreigners = null,
        bool small = false, bool branch = false) => new()
    {
        Category = category, WorkerCount = workers, Months = 12, MonthlySalaryKzt = 500_000, SubmittedOn = new DateOnly(2026, 10, 20),
        VacancyPublishedOn = new DateOnly(2026, 10, 1), CitizenStaff = citizens ?? [10, 10, 100, 100], ForeignStaff = foreigners ?? [0, 0, 0, 0],
        IsSmallBusiness = small, IsBranchOffice = branch, QuotaAvailable = 10, WorkerEducations = Enumerable.Repeat("bachelor", workers).ToList(),
        SalaryThresholdKzt = 400_000,
    };

    // Share = citizens / (citizens + foreigners + hires) in categories 3+4, compared exactly (no rounding at the boundary).
    [Theory]
    [InlineData(90, 9, 1, CheckOutcome.Passed)]   // 90 citizens of 90+9+1 = 100 → exactly 90 %
    [InlineData(89, 9, 1, CheckOutcome.Failed)]   // 89 of 99 → 89.9 %
    [InlineData(180, 19, 1, CheckOutcome.Passed)] // 180 of 200 → exactly 90 %
    [InlineData(179, 20, 1, CheckOutcome.Failed)] // 179 of 200 → 89.5 %
    public void Local_content_for_categories_3_and_4_needs_at_least_90_percent_citizens(int citizens, int foreigners, int hires, CheckOutcome expected)
    {
        var f = Facts("3", hires, citizens: [5, 5, citizens, 0], foreigners: [0, 0, foreigners, 0]);
        PermitRules.CheckLocalContent(f, Values).Outcome.ShouldBe(expected);
    }

    [Theory]
    [InlineData(7, 2, 1, CheckOutcome.Passed)]  // 7 of 10 → exactly 70 %
    [InlineData(6, 3, 1, CheckOutcome.Failed)]  // 6 of 10 → 60 %
    [InlineData(13, 5, 2, CheckOutcome.Failed)] // 13 of 20 → 65 %
    [InlineData(14, 4, 2, CheckOutcome.Passed)] // 14 of 20 → exactly 70 %
    public void Local_content_for_categories_1_and_2_needs_at_least_70_percent_citizens(int citizens, int foreigners, int hires, CheckOutcome expected)
    {
        var f = Facts("2", hires, citizens: [citizens, 0, 500, 500], foreigners: [foreigners, 0, 0, 0]);
        PermitRules.CheckLocalContent(f, Values).Outcome.ShouldBe(expected);
    }

    [Theory]
    [InlineData(10, CheckOutcome.NotApplicable)] // a branch of exactly 10 staff is exempt
    [InlineData(11, CheckOutcome.Failed)]        // 11 staff: the rule applies (and fails: 0 citizens in cat 3+4)
    public void Branches_of_at_most_10_staff_are_exempt(int staff, CheckOutcome expected)
    {
        var f = Facts("3", 1, citizens: [0, 0, 0, 0], foreigners: [0, 0, staff, 0], branch: true);
        PermitRules.CheckLocalContent(f, Values).Outcome.ShouldBe(expected);
    }

    [Theory]
    [InlineData(20, CheckOutcome.NotApplicable)] // a small business of exactly 20 staff is exempt
    [InlineData(21, CheckOutcome.Failed)]
    public void Small_businesses_of_at_most_20_staff_are_exempt(int staff, CheckOutcome expected)
    {
        var f = Facts("4", 1, citizens: [0, 0, 0, 0], foreigners: [0, 0, 0, staff], small: true);
        PermitRules.CheckLocalContent(f, Values).Outcome.ShouldBe(expected);
    }

    [Fact]
    public void A_small_business_flag_does_not_exempt_a_firm_larger_than_the_limit_even_if_also_a_branch()
    {
        // 25 staff (20 citizens, 5 foreigners, all category 3) is above both exemption limits; 20 of 26 = 76.9 % < 90 %.
        var f = Facts("3", 1, citizens: [0, 0, 20, 0], foreigners: [0, 0, 5, 0], small: true, branch: true);
        PermitRules.CheckLocalContent(f, Values).Outcome.ShouldBe(CheckOutcome.Failed);
    }

    [Theory]
    [InlineData(14, CheckOutcome.Failed)]
    [InlineData(15, CheckOutcome.Passed)]
    [InlineData(16, CheckOutcome.Passed)]
    public void The_vacancy_must_have_been_published_at_least_15_calendar_days_before_applying(int days, CheckOutcome expected)
    {
        var submitted = new DateOnly(2026, 10, 20);
        var f = Facts() with { SubmittedOn = submitted, VacancyPublishedOn = submitted.AddDays(-days) };
        PermitRules.CheckLabourMarketTest(f, Values).Outcome.ShouldBe(expected);
    }

    [Fact]
    public void No_vacancy_date_fails_the_labour_market_test_and_ict_is_exempt()
    {
        PermitRules.CheckLabourMarketTest(Facts() with { VacancyPublishedOn = null }, Values).Outcome.ShouldBe(CheckOutcome.Failed);
        PermitRules.CheckLabourMarketTest(Facts("ict") with { VacancyPublishedOn = null }, Values).Outcome.ShouldBe(CheckOutcome.NotApplicable);
        PermitRules.CheckLabourMarketTest(Facts(), Values with { MinVacancyDays = null }).Outcome.ShouldBe(CheckOutcome.NotApplicable);
    }

    [Theory]
    [InlineData(0, 1, CheckOutcome.Passed)]  // 1 ICT vs 10 citizens in categories 1–3 (2+3+5) → 10 %
    [InlineData(4, 1, CheckOutcome.Passed)]  // 5 ICT (4 active + 1) vs 10 → exactly 50 %
    [InlineData(5, 1, CheckOutcome.Failed)]  // 6 vs 10 → 60 %
    [InlineData(0, 6, CheckOutcome.Failed)]  // 6 hires at once vs 10 → 60 %
    public void Ict_foreigners_may_be_at_most_half_the_citizens(int activeIct, int hires, CheckOutcome expected)
    {
        var f = Facts("ict", hires, citizens: [2, 3, 5, 100]) with { ActiveIctPermits = activeIct };
        PermitRules.CheckIctShare(f, Values).Outcome.ShouldBe(expected);
    }

    [Theory]
    [InlineData("CN", true, CheckOutcome.Passed)]
    [InlineData("UZ", false, CheckOutcome.Failed)]
    [InlineData(null, false, CheckOutcome.Failed)]
    public void The_ict_sending_company_must_be_in_a_wto_member(string? country, bool member, CheckOutcome expected)
    {
        var f = Facts("ict") with { SendingCountry = country, SendingCountryIsWtoMember = member };
        PermitRules.CheckIctOrigin(f).Outcome.ShouldBe(expected);
        PermitRules.CheckIctOrigin(Facts("3")).Outcome.ShouldBe(CheckOutcome.NotApplicable);
    }

    [Theory]
    [InlineData(36, CheckOutcome.Passed)]
    [InlineData(37, CheckOutcome.Failed)]
    public void Ict_term_is_at_most_36_months(int months, CheckOutcome expected) =>
        PermitRules.CheckIctTerm(Facts("ict") with { Months = months }, Values).Outcome.ShouldBe(expected);

    [Theory]
    [InlineData(2, 2, CheckOutcome.Passed)]
    [InlineData(1, 2, CheckOutcome.Failed)]
    [InlineData(0, 1, CheckOutcome.Failed)]
    public void The_quota_must_hold_every_worker_applied_for(int available, int workers, CheckOutcome expected) =>
        PermitRules.CheckQuota(Facts("3", workers) with { QuotaAvailable = available }).Outcome.ShouldBe(expected);

    [Fact]
    public void Ict_is_outside_the_quota() =>
        PermitRules.CheckQuota(Facts("ict") with { QuotaAvailable = null }).Outcome.ShouldBe(CheckOutcome.NotApplicable);

    [Theory]
    [InlineData(399_999, CheckOutcome.Failed)]
    [InlineData(400_000, CheckOutcome.Passed)]
    public void The_salary_must_not_be_below_the_threshold(long salary, CheckOutcome expected) =>
        PermitRules.CheckSalary(Facts() with { MonthlySalaryKzt = salary }, Values).Outcome.ShouldBe(expected);

    /// <summary>The minimum wage of 2026 (85,000 KZT, budget law) binds even where the wage statistics give a lower threshold or none.</summary>
    [Theory]
    [InlineData(84_999, 50_000L, CheckOutcome.Failed)]
    [InlineData(85_000, 50_000L, CheckOutcome.Passed)]
    [InlineData(84_999, null, CheckOutcome.Failed)]
    [InlineData(85_000, null, CheckOutcome.NotApplicable)]
    public void The_salary_must_not_be_below_the_minimum_wage(long salary, long? threshold, CheckOutcome expected)
    {
        var values = Values with { MinimumWageKzt = new RuleParameter(85_000, new DateOnly(2024, 1, 1)) };
        var result = PermitRules.CheckSalary(Facts() with { MonthlySalaryKzt = salary, SalaryThresholdKzt = threshold }, values);
        result.Outcome.ShouldBe(expected);
        if (expected == CheckOutcome.Failed) (result.Detail, result.RuleVersion).ShouldBe(("The salary of 84,999 KZT is below the minimum wage of 85,000 KZT.", "2024-01-01"));
    }

    [Fact]
    public void Unresolved_offences_fail_the_check()
    {
        var check = PermitRules.CheckOffences(Facts() with { UnresolvedOffences = 2 });
        check.Outcome.ShouldBe(CheckOutcome.Failed);
        check.Rule.ShouldBe(PermitRules.NoUnresolvedOffences);
        check.Detail.ShouldContain("2 unresolved");
        PermitRules.CheckOffences(Facts() with { UnresolvedOffences = 0 }).Outcome.ShouldBe(CheckOutcome.Passed);
    }

    [Theory]
    [InlineData("3", "bachelor", CheckOutcome.Passed)]
    [InlineData("3", "vocational", CheckOutcome.Failed)]
    [InlineData("4", "vocational", CheckOutcome.Passed)]
    [InlineData("4", "secondary", CheckOutcome.Failed)]
    [InlineData("seasonal", "none", CheckOutcome.NotApplicable)]
    public void Qualification_matches_the_category(string category, string education, CheckOutcome expected) =>
        PermitRules.CheckQualification(Facts(category) with { WorkerEducations = [education] }).Outcome.ShouldBe(expected);

    [Fact]
    public void Every_check_is_reported_with_its_rule_name_and_a_sentence()
    {
        var checks = PermitRules.Evaluate(Facts(), Values);
        checks.Select(c => c.Rule).ShouldBe([PermitRules.Quota, PermitRules.LocalContent, PermitRules.IctShare, PermitRules.IctOrigin,
            PermitRules.IctTerm, PermitRules.LabourMarketTest, PermitRules.NoUnresolvedOffences, PermitRules.SalaryThreshold, PermitRules.Qualification]);
        checks.ShouldAllBe(c => c.Detail.Length > 10);
        PermitRules.AllPassed(checks).ShouldBeTrue();
        checks.First(c => c.Rule == PermitRules.LabourMarketTest).RuleVersion.ShouldBe("2025-09-01");
    }

    [Fact]
    public void The_local_content_sentence_states_the_share_and_the_minimum()
    {
        var f = Facts("3", 2, citizens: [0, 0, 270, 0], foreigners: [0, 0, 45, 0]);
        PermitRules.CheckLocalContent(f, Values).Detail
            .ShouldBe("citizens would be 85.2% of categories 3+4 (270 of 317, counting the 2 hires applied for); at least 90% required");
    }
}
