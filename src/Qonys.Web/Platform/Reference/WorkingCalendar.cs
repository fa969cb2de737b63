namespace Qonys.Web.Platform.Reference;

/// <summary>
/// Kazakhstan's working days: Monday–Friday, less public holidays and day-off transfers, plus Saturdays
/// made working days by decree. Pure: built from the calendar reference data.
/// </summary>
internal sealed class WorkingCalendar
{
    public const string Holiday = "holiday";
    public const string WeekendTransfer = "weekend_transfer";
    public const string GovernmentTransfer = "government_transfer";
    public const string WorkingSaturday = "working_saturday";

    readonly HashSet<DateOnly> _daysOff = [];
    readonly HashSet<DateOnly> _workingWeekendDays = [];

    public WorkingCalendar(IEnumerable<(DateOnly Date, string Kind)> days)
    {
        foreach (var (date, kind) in days)
        {
            if (kind == WorkingSaturday) _workingWeekendDays.Add(date);
            else _daysOff.Add(date);
        }
    }

    public bool IsWorkingDay(DateOnly date)
    {
        if (_workingWeekendDays.Contains(date)) return true;
        if (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) return false;
        return !_daysOff.Contains(date);
    }

    /// <summary>
    /// The deadline <paramref name="workingDays"/> working days after <paramref name="start"/>: the day the start
    /// happens on does not count (a case submitted on Monday with 1 working day is due Tuesday).
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var day = start;
        for (var left = workingDays; left > 0;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day)) left--;
        }
        return day;
    }

    /// <summary>Working days strictly after <paramref name="from"/> up to and including <paramref name="to"/>.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var n = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
            if (IsWorkingDay(d)) n++;
        return n;
    }
}
