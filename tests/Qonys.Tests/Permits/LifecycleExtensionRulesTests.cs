using Qonys.Web.Modules.Permits.Domain;

namespace Qonys.Tests.Permits;

public sealed class LifecycleExtensionRulesTests
{
    static readonly DateOnly From = new(2025, 1, 1);

    static RuleParameter P(decimal v) => new(v, From);

    /// <summary>The shipped rule values: window 60–30 days, cat 2–3 three extensions of ≤ 12 months, ICT one of ≤ 12, cat 1 ≤ 36 months in all.</summary>
    static readonly ExtensionRuleValues Shipped = new(P(60), P(30), P(3), P(12), P(12), P(1), P(36));

    static readonly DateOnly Until = new(2026, 12, 31);

    static RuleRefusal? Check(string category, DateOnly today, int extensions = 0, int months = 12, DateOnly? validFrom = null, DateOnly? until = null) =>
        ExtensionRules.Check(category, validFrom ?? new DateOnly(2026, 1, 1), until ?? Until, extensions, months, today, Shipped);

    // 2026-12-31 minus 60 days: December gives 30 (to 12-01), November 30 more (to 11-01).
    [Theory]
    [InlineData(2026, 11, 1, 60)]
    [InlineData(2026, 12, 1, 30)]
    [InlineData(2026, 11, 16, 45)]
    public void Inside_the_window_60_to_30_days_before_expiry_is_allowed(int y, int m, int d, int days)
    {
        var today = new DateOnly(y, m, d);
        ExtensionRules.DaysBeforeExpiry(Until, today).ShouldBe(days);
        Check(PermitCategory.Specialists, today).ShouldBeNull();
    }

    [Theory]
    [InlineData(2026, 10, 31, 61)]
    [InlineData(2026, 12, 2, 29)]
    [InlineData(2027, 1, 1, -1)]
    public void Outside_the_window_is_refused_by_extension_window(int y, int m, int d, int days)
    {
        var today = new DateOnly(y, m, d);
        ExtensionRules.DaysBeforeExpiry(Until, today).ShouldBe(days);
        Check(PermitCategory.Specialists, today)!.Rule.ShouldBe(ExtensionRules.Window);
    }

    [Theory]
    [InlineData("2", 2, true)]
    [InlineData("2", 3, false)]
    [InlineData("3", 0, true)]
    [InlineData("3", 3, false)]
    public void Categories_2_and_3_are_extended_at_most_three_times(string category, int extensionsSoFar, bool allowed)
    {
        var refusal = Check(category, new DateOnly(2026, 11, 16), extensionsSoFar);
        if (allowed) refusal.ShouldBeNull();
        else refusal!.Rule.ShouldBe(ExtensionRules.Limit);
    }

    [Theory]
    [InlineData("3", 12, true)]
    [InlineData("3", 13, false)]
    [InlineData("ict", 12, true)]
    [InlineData("ict", 13, false)]
    public void An_extension_is_at_most_12_months(string category, int months, bool allowed)
    {
        var refusal = Check(category, new DateOnly(2026, 11, 16), months: months);
        if (allowed) refusal.ShouldBeNull();
        else refusal!.Rule.ShouldBe(ExtensionRules.Limit);
    }

    [Fact]
    public void An_intra_corporate_transfer_is_extended_once()
    {
        Check(PermitCategory.Ict, new DateOnly(2026, 11, 16), extensions: 0).ShouldBeNull();
        Check(PermitCategory.Ict, new DateOnly(2026, 11, 16), extensions: 1)!.Rule.ShouldBe(ExtensionRules.Limit);
    }

    // Valid 2026-01-01 to 2027-12-31 (24 months); the 36-month term ends 2028-12-31 (2026-01-01 + 36 months − 1 day).
    [Theory]
    [InlineData(12, true)]
    [InlineData(13, false)]
    public void Category_1_extends_while_the_whole_term_stays_within_36_months(int months, bool allowed)
    {
        var until = new DateOnly(2027, 12, 31);
        var refusal = Check(PermitCategory.Heads, new DateOnly(2027, 11, 16), extensions: 5, months: months, until: until);
        if (allowed) refusal.ShouldBeNull();
        else refusal!.Rule.ShouldBe(ExtensionRules.Limit);
    }

    [Theory]
    [InlineData("4")]
    [InlineData("seasonal")]
    public void Category_4_and_seasonal_permits_are_not_extended(string category) =>
        Check(category, new DateOnly(2026, 11, 16))!.Rule.ShouldBe(ExtensionRules.NotProvided);

    // The term continues the day after the last valid day: 2027-01-01 + 12 months − 1 day; 2026-03-01 + 1 month − 1 day.
    [Theory]
    [InlineData(2026, 12, 31, 12, 2027, 12, 31)]
    [InlineData(2026, 2, 28, 1, 2026, 3, 31)]
    [InlineData(2027, 6, 30, 6, 2027, 12, 31)]
    public void Extending_moves_the_last_valid_day(int y, int m, int d, int months, int ey, int em, int ed) =>
        ExtensionRules.ExtendedUntil(new DateOnly(y, m, d), months).ShouldBe(new DateOnly(ey, em, ed));

    [Fact]
    public void The_window_follows_the_rule_values()
    {
        // With a 90–10 day window, 61 days before (2026-10-31) is inside and 29 days (2026-12-02) too.
        var wide = Shipped with { WindowMaxDaysBeforeExpiry = P(90), WindowMinDaysBeforeExpiry = P(10) };
        ExtensionRules.Check("3", new DateOnly(2026, 1, 1), Until, 0, 12, new DateOnly(2026, 10, 31), wide).ShouldBeNull();
        ExtensionRules.Check("3", new DateOnly(2026, 1, 1), Until, 0, 12, new DateOnly(2026, 12, 2), wide).ShouldBeNull();
    }
}
