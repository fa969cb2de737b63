namespace Qonys.Engines.Forecasting;

/// <summary>
/// A regularly spaced series of monthly observations (permits issued, arrivals, ...) starting at
/// (<see cref="StartYear"/>, <see cref="StartMonth"/>). <see cref="SeasonalPeriod"/> is 12 for monthly data; other
/// periods are allowed so that tests can use short cycles. Values are copied on construction and never change.
/// </summary>
public sealed class MonthlySeries
{
    private readonly double[] _values;

    /// <summary>Creates a series; every value must be finite.</summary>
    public MonthlySeries(int startYear, int startMonth, IReadOnlyList<double> values, int seasonalPeriod = 12)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThan(startMonth, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(startMonth, 12);
        ArgumentOutOfRangeException.ThrowIfLessThan(seasonalPeriod, 1);
        _values = new double[values.Count];
        for (var i = 0; i < _values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentException($"Value {i} is not finite.", nameof(values));
            }
            _values[i] = values[i];
        }
        StartYear = startYear;
        StartMonth = startMonth;
        SeasonalPeriod = seasonalPeriod;
    }

    /// <summary>Calendar year of the first observation.</summary>
    public int StartYear { get; }

    /// <summary>Calendar month (1..12) of the first observation.</summary>
    public int StartMonth { get; }

    /// <summary>Seasonal period m (12 for monthly data).</summary>
    public int SeasonalPeriod { get; }

    /// <summary>Number of observations.</summary>
    public int Length => _values.Length;

    /// <summary>The observations, oldest first.</summary>
    public IReadOnlyList<double> Values => _values;

    internal ReadOnlySpan<double> Span => _values;

    /// <summary>The first <paramref name="length"/> observations as a series with the same start and period.</summary>
    public MonthlySeries Take(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, Length);
        return new MonthlySeries(StartYear, StartMonth, _values[..length], SeasonalPeriod);
    }

    /// <summary>Calendar (year, month) of observation <paramref name="index"/>; indexes past the end give future months.</summary>
    public (int Year, int Month) PeriodAt(int index)
    {
        var monthsFromYearStart = StartMonth - 1 + index;
        var year = StartYear + (int)Math.Floor(monthsFromYearStart / 12.0);
        var month = monthsFromYearStart - ((year - StartYear) * 12) + 1;
        return (year, month);
    }
}
