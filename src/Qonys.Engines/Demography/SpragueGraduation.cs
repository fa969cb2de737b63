namespace Qonys.Engines.Demography;

/// <summary>
/// Splits 5-year age groups into single years with the Sprague fifth-difference osculatory multipliers
/// (Shryock &amp; Siegel, The Methods and Materials of Demography, table 22-1). The first two and the last two
/// closed groups use the end panels; middle groups use the central panel over groups i-2 … i+2.
/// Each panel's columns add to 1 for the group being split and 0 for the others, so group totals are preserved.
/// Negative single-year values (possible at steep slopes) are set to zero and the rest of that group is scaled
/// up so the group total is still preserved.
/// </summary>
public static class SpragueGraduation
{
    private static readonly double[,] First =
    {
        { 0.3616, -0.2768, 0.1488, -0.0336, 0.0 },
        { 0.2640, -0.0960, 0.0400, -0.0080, 0.0 },
        { 0.1840, 0.0400, -0.0320, 0.0080, 0.0 },
        { 0.1200, 0.1360, -0.0720, 0.0160, 0.0 },
        { 0.0704, 0.1968, -0.0848, 0.0176, 0.0 },
    };

    private static readonly double[,] Second =
    {
        { 0.0336, 0.2272, -0.0752, 0.0144, 0.0 },
        { 0.0080, 0.2320, -0.0480, 0.0080, 0.0 },
        { -0.0080, 0.2160, -0.0080, 0.0, 0.0 },
        { -0.0160, 0.1840, 0.0400, -0.0080, 0.0 },
        { -0.0176, 0.1408, 0.0912, -0.0144, 0.0 },
    };

    private static readonly double[,] Middle =
    {
        { -0.0128, 0.0848, 0.1504, -0.0240, 0.0016 },
        { -0.0016, 0.0144, 0.2224, -0.0416, 0.0064 },
        { 0.0064, -0.0336, 0.2544, -0.0336, 0.0064 },
        { 0.0064, -0.0416, 0.2224, 0.0144, -0.0016 },
        { 0.0016, -0.0240, 0.1504, 0.0848, -0.0128 },
    };

    /// <summary>
    /// Graduates closed 5-year groups (at least 5 of them, starting at age 0) into single years.
    /// Returns 5 × groups values; the caller keeps any open group separately.
    /// </summary>
    public static double[] GraduateClosed(IReadOnlyList<double> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var n = groups.Count;
        if (n < 5) throw new ArgumentException("Sprague graduation needs at least five 5-year groups.", nameof(groups));
        var single = new double[5 * n];
        for (var g = 0; g < n; g++)
        {
            double[,] panel;
            int firstGroup;
            var reversed = false;
            if (g == 0) { panel = First; firstGroup = 0; }
            else if (g == 1) { panel = Second; firstGroup = 0; }
            else if (g == n - 2) { panel = Second; firstGroup = n - 5; reversed = true; }
            else if (g == n - 1) { panel = First; firstGroup = n - 5; reversed = true; }
            else { panel = Middle; firstGroup = g - 2; }
            for (var k = 0; k < 5; k++)
            {
                var sum = 0.0;
                for (var j = 0; j < 5; j++)
                {
                    // The end panels at the top of the age range are the start panels mirrored in age and group order.
                    var coefficient = reversed ? panel[4 - k, 4 - j] : panel[k, j];
                    sum += coefficient * groups[firstGroup + j];
                }
                single[5 * g + k] = sum;
            }
            ClampGroup(single.AsSpan(5 * g, 5), groups[g]);
        }
        return single;
    }

    /// <summary>
    /// Graduates the 21 groups 0-4 … 95-99, 100+ into the 101 single-year cells 0 … 99, 100+ (the open group is kept as it is).
    /// </summary>
    public static double[] GraduateWithOpenGroup(IReadOnlyList<double> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        if (groups.Count != AgeGrid.FiveYearGroups) throw new ArgumentException("Expected 21 groups (0-4 … 95-99, 100+).", nameof(groups));
        var closed = GraduateClosed(groups.Take(AgeGrid.FiveYearGroups - 1).ToArray());
        var result = new double[AgeGrid.Count];
        closed.CopyTo(result, 0);
        result[AgeGrid.Open] = groups[^1];
        return result;
    }

    /// <summary>
    /// Largest absolute difference between a group and the sum of its graduated single years (the open group, if any,
    /// is compared with the last single-year cell). Zero up to rounding for output of this class.
    /// </summary>
    public static double LargestGroupDeviation(IReadOnlyList<double> groups, IReadOnlyList<double> singleYears)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(singleYears);
        var closed = singleYears.Count / 5;
        var deviation = 0.0;
        for (var g = 0; g < groups.Count; g++)
        {
            var sum = 0.0;
            if (g < closed) for (var k = 0; k < 5; k++) sum += singleYears[5 * g + k];
            else sum = singleYears[^1];
            deviation = Math.Max(deviation, Math.Abs(sum - groups[g]));
        }
        return deviation;
    }

    private static void ClampGroup(Span<double> cells, double groupTotal)
    {
        var hasNegative = false;
        foreach (var c in cells) hasNegative |= c < 0;
        if (!hasNegative) return;
        var positive = 0.0;
        for (var i = 0; i < cells.Length; i++)
        {
            if (cells[i] < 0) cells[i] = 0;
            positive += cells[i];
        }
        if (positive > 0 && groupTotal > 0)
        {
            var factor = groupTotal / positive;
            for (var i = 0; i < cells.Length; i++) cells[i] *= factor;
        }
        else
        {
            for (var i = 0; i < cells.Length; i++) cells[i] = Math.Max(groupTotal, 0) / cells.Length;
        }
    }
}
