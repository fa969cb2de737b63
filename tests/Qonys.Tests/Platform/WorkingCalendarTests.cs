using System.Globalization;
using Qonys.Web.Platform.Reference;

namespace Qonys.Tests.Platform;

public sealed class WorkingCalendarTests
{
    /// <summary>The calendar built from the shipped holidays.csv, as ReferenceData builds it from the seeded table.</summary>
    static readonly WorkingCalendar Shipped = new(ReferenceSeeder.ReadCsv("holidays.csv")
        .Select(r => (DateOnly.ParseExact(r["date"], "yyyy-MM-dd", CultureInfo.InvariantCulture), r["kind"])));

    static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public void Ordinary_weekdays_work_and_weekends_do_not()
    {
        // 2026-04-13 is a Monday (2026-01-01 is a Thursday; +102 days).
        var monday = D("2026-04-13");
        monday.DayOfWeek.ShouldBe(DayOfWeek.Monday);
        for (var i = 0; i < 5; i++) Shipped.IsWorkingDay(monday.AddDays(i)).ShouldBeTrue();
        Shipped.IsWorkingDay(monday.AddDays(5)).ShouldBeFalse();
        Shipped.IsWorkingDay(monday.AddDays(6)).ShouldBeFalse();
    }

    [Theory]
    [InlineData("2026-01-01")] // New Year (Thursday)
    [InlineData("2026-01-02")] // New Year (Friday)
    [InlineData("2026-01-07")] // Orthodox Christmas (Wednesday)
    [InlineData("2026-03-23")] // Nauryz (Monday)
    [InlineData("2026-03-24")] // day off transferred from Nauryz 21 March (a Saturday)
    [InlineData("2026-03-25")] // day off transferred from Nauryz 22 March (a Sunday)
    [InlineData("2026-12-16")] // Independence Day (Wednesday)
    public void Holidays_and_transferred_days_off_do_not_work(string date) => Shipped.IsWorkingDay(D(date)).ShouldBeFalse();

    [Fact]
    public void The_shipped_calendar_has_nauryz_on_21_to_23_march_of_every_year()
    {
        for (var year = 2017; year <= 2027; year++)
            for (var day = 21; day <= 23; day++)
            {
                var date = new DateOnly(year, 3, day);
                Shipped.IsWorkingDay(date).ShouldBeFalse($"{date:yyyy-MM-dd}");
            }
    }

    [Fact]
    public void A_working_saturday_counts_as_a_working_day()
    {
        // A decree makes Saturday 2026-04-18 a working day in exchange for Monday 2026-04-20 (an invented transfer).
        var calendar = new WorkingCalendar([
            (D("2026-04-18"), WorkingCalendar.WorkingSaturday),
            (D("2026-04-20"), WorkingCalendar.GovernmentTransfer),
        ]);
        calendar.IsWorkingDay(D("2026-04-18")).ShouldBeTrue();
        calendar.IsWorkingDay(D("2026-04-19")).ShouldBeFalse();
        calendar.IsWorkingDay(D("2026-04-20")).ShouldBeFalse();
        // Friday 17th + 1 working day: the Saturday 18th.
        calendar.AddWorkingDays(D("2026-04-17"), 1).ShouldBe(D("2026-04-18"));
        // Friday 17th + 2: Sat 18 (1), Sun 19 off, Mon 20 off, Tue 21 (2).
        calendar.AddWorkingDays(D("2026-04-17"), 2).ShouldBe(D("2026-04-21"));
        // Without the decree, Friday + 2 would be Tuesday too, but Friday + 1 Monday 20th.
        new WorkingCalendar([]).AddWorkingDays(D("2026-04-17"), 1).ShouldBe(D("2026-04-20"));
    }

    [Fact]
    public void Adding_working_days_across_nauryz_2026()
    {
        // Friday 2026-03-20 + 1: Sat 21, Sun 22 (Nauryz on a weekend), Mon 23 Nauryz, Tue 24 and Wed 25 transferred
        // days off → Thursday 26th.
        Shipped.AddWorkingDays(D("2026-03-20"), 1).ShouldBe(D("2026-03-26"));
        // + 3: Thu 26 (1), Fri 27 (2), Sat/Sun, Mon 30 (3).
        Shipped.AddWorkingDays(D("2026-03-20"), 3).ShouldBe(D("2026-03-30"));
        // Thursday 19th + 1 is Friday 20th: the day of the start never counts.
        Shipped.AddWorkingDays(D("2026-03-19"), 1).ShouldBe(D("2026-03-20"));
    }

    [Fact]
    public void Adding_working_days_across_new_year_2026()
    {
        // Wednesday 2025-12-31 + 1: Thu 1 and Fri 2 January holidays, Sat 3, Sun 4 → Monday 2026-01-05.
        Shipped.AddWorkingDays(D("2025-12-31"), 1).ShouldBe(D("2026-01-05"));
        // + 3: Mon 5 (1), Tue 6 (2), Wed 7 Orthodox Christmas, Thu 8 (3).
        Shipped.AddWorkingDays(D("2025-12-31"), 3).ShouldBe(D("2026-01-08"));
        // + 10 from 2025-12-26 (Friday): Mon 29 (1), Tue 30 (2), Wed 31 (3), Jan 5 (4), 6 (5), 8 (6), 9 (7),
        // 12 (8), 13 (9), 14 (10).
        Shipped.AddWorkingDays(D("2025-12-26"), 10).ShouldBe(D("2026-01-14"));
    }

    [Fact]
    public void Adding_zero_working_days_is_the_start_and_negative_is_refused()
    {
        Shipped.AddWorkingDays(D("2026-03-21"), 0).ShouldBe(D("2026-03-21"));
        Should.Throw<ArgumentOutOfRangeException>(() => Shipped.AddWorkingDays(D("2026-03-21"), -1));
    }

    [Fact]
    public void Working_days_between_counts_after_the_start_up_to_the_end()
    {
        // 2026-03-20 (excluded) .. 2026-03-31: 26, 27, 30, 31 work; 21–25 Nauryz and transfers, 28–29 weekend → 4.
        Shipped.WorkingDaysBetween(D("2026-03-20"), D("2026-03-31")).ShouldBe(4);
        // March 2026 from 28 Feb: 22 weekdays (2–6, 9–13, 16–20, 23–27, 30–31) less 9 March (transfer of the
        // 8 March holiday) and 23, 24, 25 → 18.
        Shipped.WorkingDaysBetween(D("2026-02-28"), D("2026-03-31")).ShouldBe(18);
        Shipped.WorkingDaysBetween(D("2026-03-31"), D("2026-03-31")).ShouldBe(0);
        Shipped.WorkingDaysBetween(D("2026-03-31"), D("2026-03-01")).ShouldBe(0);
    }

    [Fact]
    public void Adding_and_counting_agree()
    {
        var start = D("2025-12-01");
        for (var n = 0; n <= 60; n++)
        {
            var end = Shipped.AddWorkingDays(start, n);
            Shipped.WorkingDaysBetween(start, end).ShouldBe(n);
            if (n > 0) Shipped.IsWorkingDay(end).ShouldBeTrue();
        }
    }
}
