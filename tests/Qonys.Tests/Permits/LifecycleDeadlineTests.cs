using System.Globalization;
using Qonys.Web.Platform.Reference;

namespace Qonys.Tests.Permits;

/// <summary>Decision deadlines of extension (3 working days) and replacement (5) requests over the shipped holidays.</summary>
public sealed class LifecycleDeadlineTests
{
    static readonly Lazy<WorkingCalendar> Shipped = new(() =>
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(directory!.FullName, "Qonys.slnx"))) directory = directory.Parent;
        var path = Path.Combine(directory.FullName, "src", "Qonys.Web", "Platform", "Reference", "Data", "holidays.csv");
        var days = File.ReadLines(path).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(','))
            .Select(f => (DateOnly.ParseExact(f[0], "yyyy-MM-dd", CultureInfo.InvariantCulture), f[1]));
        return new WorkingCalendar(days);
    });

    // Friday 2026-03-20: Sat 21, Sun 22, Mon 23 Nauryz, Tue 24 and Wed 25 transferred days off; Thu 26 (1), Fri 27 (2), Mon 30 (3).
    [Fact]
    public void An_extension_requested_before_Nauryz_is_due_after_the_holidays() =>
        Shipped.Value.AddWorkingDays(new DateOnly(2026, 3, 20), 3).ShouldBe(new DateOnly(2026, 3, 30));

    // Thursday 2026-04-30: Fri May 1 holiday, Mon 4 (1), Tue 5 (2), Wed 6 (3), Thu 7 holiday, Fri 8 (4), Mon 11 transferred
    // Victory Day, Tue 12 (5).
    [Fact]
    public void A_replacement_requested_before_the_May_holidays_is_due_on_12_May() =>
        Shipped.Value.AddWorkingDays(new DateOnly(2026, 4, 30), 5).ShouldBe(new DateOnly(2026, 5, 12));

    // Monday 2026-04-13, an ordinary week: Tue 14, Wed 15, Thu 16.
    [Fact]
    public void Without_holidays_three_working_days_are_three_weekdays() =>
        Shipped.Value.AddWorkingDays(new DateOnly(2026, 4, 13), 3).ShouldBe(new DateOnly(2026, 4, 16));
}
