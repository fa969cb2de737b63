namespace Qonys.Engines.Forecasting;

/// <summary>Deterministic derivative-free minimisers used to fit smoothing parameters.</summary>
internal static class Optimisers
{
    private static readonly double InverseGolden = (Math.Sqrt(5) - 1) / 2;

    /// <summary>
    /// Minimises <paramref name="f"/> on [<paramref name="lower"/>, <paramref name="upper"/>] by golden-section search
    /// down to <paramref name="tolerance"/>, then compares the result with both end points so that a minimum on the
    /// boundary (e.g. α = 1 on a trending series) is found exactly.
    /// </summary>
    public static double GoldenSection(Func<double, double> f, double lower, double upper, double tolerance = 1e-6)
    {
        var a = lower;
        var b = upper;
        var c = b - (InverseGolden * (b - a));
        var d = a + (InverseGolden * (b - a));
        var fc = f(c);
        var fd = f(d);
        while (b - a > tolerance)
        {
            if (fc <= fd)
            {
                b = d;
                d = c;
                fd = fc;
                c = b - (InverseGolden * (b - a));
                fc = f(c);
            }
            else
            {
                a = c;
                c = d;
                fc = fd;
                d = a + (InverseGolden * (b - a));
                fd = f(d);
            }
        }
        var best = fc <= fd ? c : d;
        var bestValue = Math.Min(fc, fd);
        foreach (var end in new[] { lower, upper })
        {
            var value = f(end);
            if (value < bestValue)
            {
                best = end;
                bestValue = value;
            }
        }
        return best;
    }

    /// <summary>
    /// Nelder–Mead simplex minimisation inside a box: every trial point is projected onto the box before it is
    /// evaluated. Standard coefficients (reflection 1, expansion 2, contraction ½, shrink ½); stops when the simplex's
    /// function values agree to 1e-10 + 1e-8·|f|, when no vertex is farther than 1e-4 (in every coordinate)
    /// from the best one, or after <paramref name="maxIterations"/> iterations.
    /// </summary>
    public static (double[] Point, double Value) NelderMead(
        Func<double[], double> f, double[] start, double[] step, double[] lower, double[] upper, int maxIterations = 400)
    {
        var dimension = start.Length;
        var simplex = new double[dimension + 1][];
        var values = new double[dimension + 1];
        for (var i = 0; i <= dimension; i++)
        {
            var vertex = (double[])start.Clone();
            if (i > 0)
            {
                vertex[i - 1] += step[i - 1];
                if (vertex[i - 1] > upper[i - 1])
                {
                    vertex[i - 1] = start[i - 1] - step[i - 1];
                }
            }
            Project(vertex, lower, upper);
            simplex[i] = vertex;
            values[i] = f(vertex);
        }
        var order = new int[dimension + 1];
        var centroid = new double[dimension];
        for (var iteration = 0; iteration < maxIterations; iteration++)
        {
            for (var i = 0; i <= dimension; i++)
            {
                order[i] = i;
            }
            Array.Sort(order, (x, y) => values[x] != values[y] ? values[x].CompareTo(values[y]) : x.CompareTo(y));
            int best = order[0], worst = order[dimension], secondWorst = order[dimension - 1];
            if (values[worst] - values[best] <= 1e-10 + (1e-8 * Math.Abs(values[best])) || Diameter(simplex, best) <= 1e-4)
            {
                break;
            }
            Array.Clear(centroid);
            for (var i = 0; i <= dimension; i++)
            {
                if (i == worst)
                {
                    continue;
                }
                for (var j = 0; j < dimension; j++)
                {
                    centroid[j] += simplex[i][j] / dimension;
                }
            }
            var reflected = Along(centroid, simplex[worst], -1.0, lower, upper);
            var reflectedValue = f(reflected);
            if (reflectedValue < values[best])
            {
                var expanded = Along(centroid, simplex[worst], -2.0, lower, upper);
                var expandedValue = f(expanded);
                (simplex[worst], values[worst]) = expandedValue < reflectedValue ? (expanded, expandedValue) : (reflected, reflectedValue);
                continue;
            }
            if (reflectedValue < values[secondWorst])
            {
                (simplex[worst], values[worst]) = (reflected, reflectedValue);
                continue;
            }
            var outside = reflectedValue < values[worst];
            var contracted = Along(centroid, outside ? reflected : simplex[worst], 0.5, lower, upper);
            var contractedValue = f(contracted);
            if (contractedValue < Math.Min(reflectedValue, values[worst]))
            {
                (simplex[worst], values[worst]) = (contracted, contractedValue);
                continue;
            }
            for (var i = 0; i <= dimension; i++)
            {
                if (i == best)
                {
                    continue;
                }
                for (var j = 0; j < dimension; j++)
                {
                    simplex[i][j] = simplex[best][j] + (0.5 * (simplex[i][j] - simplex[best][j]));
                }
                values[i] = f(simplex[i]);
            }
        }
        var bestIndex = 0;
        for (var i = 1; i <= dimension; i++)
        {
            if (values[i] < values[bestIndex])
            {
                bestIndex = i;
            }
        }
        return (simplex[bestIndex], values[bestIndex]);
    }

    /// <summary>Largest coordinate distance from the best vertex to any other vertex.</summary>
    private static double Diameter(double[][] simplex, int best)
    {
        var diameter = 0.0;
        foreach (var vertex in simplex)
        {
            for (var j = 0; j < vertex.Length; j++)
            {
                diameter = Math.Max(diameter, Math.Abs(vertex[j] - simplex[best][j]));
            }
        }
        return diameter;
    }

    /// <summary>centroid + t·(point − centroid), projected onto the box.</summary>
    private static double[] Along(double[] centroid, double[] point, double t, double[] lower, double[] upper)
    {
        var result = new double[centroid.Length];
        for (var j = 0; j < result.Length; j++)
        {
            result[j] = centroid[j] + (t * (point[j] - centroid[j]));
        }
        Project(result, lower, upper);
        return result;
    }

    private static void Project(double[] point, double[] lower, double[] upper)
    {
        for (var j = 0; j < point.Length; j++)
        {
            point[j] = Math.Clamp(point[j], lower[j], upper[j]);
        }
    }
}
