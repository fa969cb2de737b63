namespace Qonys.Engines.Demography;

/// <summary>Summary outputs kept per trajectory and region-year in the probabilistic mode.</summary>
public enum ProjectionIndicator
{
    /// <summary>Population on 1 January, both sexes.</summary>
    Total,

    /// <summary>Men on 1 January.</summary>
    Male,

    /// <summary>Women on 1 January.</summary>
    Female,

    /// <summary>Population of working age on 1 January (statutory ages).</summary>
    WorkingAge,

    /// <summary>Population above working age on 1 January.</summary>
    AboveWorkingAge,

    /// <summary>Births in the calendar year (NaN in the last year).</summary>
    Births,

    /// <summary>Deaths in the calendar year (NaN in the last year).</summary>
    Deaths,

    /// <summary>Net international migration in the calendar year (NaN in the last year).</summary>
    InternationalMigration,

    /// <summary>Net inter-regional migration in the calendar year (NaN in the last year; zero for "KZ").</summary>
    InterRegionalMigration,
}

/// <summary>Quantiles of one output across trajectories (type-7 linear interpolation between order statistics).</summary>
public sealed record QuantileSet(double P2_5, double P10, double P50, double P90, double P97_5);

/// <summary>Settings of the probabilistic mode.</summary>
/// <param name="Trajectories">Number of trajectories T.</param>
/// <param name="Seed">Master seed; trajectory i uses a seed derived from (Seed, i) only, so results do not depend on scheduling.</param>
/// <param name="TfrAutocorrelation">Year-to-year correlation ρ of the TFR's standard-normal quantile.</param>
/// <param name="LifeExpectancyAutocorrelation">ρ of the e0 quantile (one quantile for both sexes).</param>
/// <param name="MigrationAutocorrelation">ρ of the net-migration quantile.</param>
/// <param name="MaxDegreeOfParallelism">Threads to use (−1 = all cores).</param>
public sealed record ProbabilisticSettings(
    int Trajectories,
    ulong Seed,
    double TfrAutocorrelation = 0.95,
    double LifeExpectancyAutocorrelation = 0.98,
    double MigrationAutocorrelation = 0.7,
    int MaxDegreeOfParallelism = -1);

/// <summary>Quantiles of the probabilistic projection by unit ("KZ" then the regions), indicator and 1 January year.</summary>
public sealed class ProbabilisticResult
{
    private readonly QuantileSet[] _quantiles;
    private readonly int _indicators;

    internal ProbabilisticResult(IReadOnlyList<string> units, IReadOnlyList<int> years, int trajectories, QuantileSet[] quantiles, int indicators)
    {
        Units = units;
        Years = years;
        Trajectories = trajectories;
        _quantiles = quantiles;
        _indicators = indicators;
    }

    /// <summary>Unit codes, "KZ" first.</summary>
    public IReadOnlyList<string> Units { get; }

    /// <summary>1 January years 2026 … end year (flows of the last year are NaN).</summary>
    public IReadOnlyList<int> Years { get; }

    /// <summary>Number of trajectories.</summary>
    public int Trajectories { get; }

    /// <summary>Quantiles of an indicator for a unit and year.</summary>
    public QuantileSet Quantiles(string unit, ProjectionIndicator indicator, int year)
    {
        var u = Units.ToList().IndexOf(unit);
        var y = year - Years[0];
        if (u < 0 || y < 0 || y >= Years.Count) throw new ArgumentException($"No result for {unit} in {year}.");
        return _quantiles[(u * _indicators + (int)indicator) * Years.Count + y];
    }
}

/// <summary>
/// Probabilistic cohort-component projection: T trajectories of TFR, e0 and total net migration, each drawn as a
/// standard-normal quantile path z(t) with AR(1) autocorrelation (z(t) = ρ·z(t−1) + √(1−ρ²)·ε, stationary N(0, 1)) and
/// mapped year by year through the WPP 2024 median and 80 %/95 % bounds by piecewise-linear interpolation in z
/// (knots ±1.2816, ±1.9600, linear extrapolation beyond). Only the summary indicators are kept per trajectory.
/// </summary>
public static class ProbabilisticProjection
{
    private static readonly double[] Knots = [-1.959963985, -1.281551566, 0, 1.281551566, 1.959963985];
    private static readonly int IndicatorCount = Enum.GetValues<ProjectionIndicator>().Length;

    /// <summary>Runs the trajectories in parallel; progress in [0, 1]; cancellable.</summary>
    public static ProbabilisticResult Run(ProjectionModel model, ScenarioDefinition scenario, ProbabilisticSettings settings,
        IProgress<double>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Trajectories < 1) throw new ArgumentException("At least one trajectory is needed.", nameof(settings));
        var units = new[] { RegionalInputs.Country }.Concat(model.Regions.Select(r => r.Code)).ToArray();
        var years = model.Years;
        var stride = units.Length * IndicatorCount * years.Count;
        var values = new double[(long)settings.Trajectories * stride];
        var schedule = ScenarioSchedule.Create(model, scenario);
        var rules = years.Select(y => model.Settings.StatutoryAges.For(y)).ToArray();
        var done = 0;
        var reportEvery = Math.Max(1, settings.Trajectories / 100);
        var options = new ParallelOptions { MaxDegreeOfParallelism = settings.MaxDegreeOfParallelism, CancellationToken = cancellation };
        Parallel.For(0, settings.Trajectories, options,
            () => new ProjectionRun(model, scenario, schedule),
            (i, _, run) =>
            {
                var path = DrawPath(model, scenario, settings, i);
                run.Run(path, new SummarySink(values, i * (long)stride, years.Count, rules), cancellation);
                var finished = Interlocked.Increment(ref done);
                if (finished % reportEvery == 0 || finished == settings.Trajectories) progress?.Report((double)finished / settings.Trajectories);
                return run;
            },
            _ => { });
        return new ProbabilisticResult(units, years, settings.Trajectories, Summarise(values, settings.Trajectories, stride), IndicatorCount);
    }

    /// <summary>Maps a standard-normal quantile through median and 80 %/95 % bounds (median only when bounds are missing).</summary>
    internal static double MapQuantile(double z, ProbabilityBounds b)
    {
        if (!b.HasBounds) return b.Median;
        double[] v = [b.Lower95, b.Lower80, b.Median, b.Upper80, b.Upper95];
        var k = z < Knots[1] ? 0 : z < Knots[2] ? 1 : z < Knots[3] ? 2 : 3;
        return v[k] + (z - Knots[k]) * (v[k + 1] - v[k]) / (Knots[k + 1] - Knots[k]);
    }

    internal static TrajectoryPath DrawPath(ProjectionModel model, ScenarioDefinition scenario, ProbabilisticSettings settings, int trajectory)
    {
        var random = new Random(TrajectorySeed(settings.Seed, trajectory));
        var steps = model.Steps;
        var n = steps.Length;
        var tfr = new double[n];
        var e0Male = new double[n];
        var e0Female = new double[n];
        var migration = new double[n];
        double zTfr = 0, zE0 = 0, zMig = 0;
        for (var i = 0; i < n; i++)
        {
            zTfr = Next(random, zTfr, settings.TfrAutocorrelation, i == 0);
            zE0 = Next(random, zE0, settings.LifeExpectancyAutocorrelation, i == 0);
            zMig = Next(random, zMig, settings.MigrationAutocorrelation, i == 0);
            var s = steps[i];
            var variantOffset = ProjectionModel.TfrOf(s, scenario.Fertility) - s.Fertility.Tfr.Median;
            tfr[i] = Math.Max(0.1, MapQuantile(zTfr, s.Fertility.Tfr) + variantOffset);
            e0Male[i] = MapQuantile(zE0, s.LifeExpectancy.Male) + scenario.LifeExpectancyShiftYears;
            e0Female[i] = MapQuantile(zE0, s.LifeExpectancy.Female) + scenario.LifeExpectancyShiftYears;
            migration[i] = MapQuantile(zMig, s.MigrationTotal) - s.MigrationTotal.Median;
        }
        return new TrajectoryPath(tfr, e0Male, e0Female, migration);
    }

    private static double Next(Random random, double previous, double rho, bool first)
    {
        var epsilon = StandardNormal(random);
        return first ? epsilon : rho * previous + Math.Sqrt(1 - rho * rho) * epsilon;
    }

    private static double StandardNormal(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>SplitMix64 of the master seed and the trajectory number, folded to a 31-bit seed.</summary>
    internal static int TrajectorySeed(ulong seed, int trajectory)
    {
        var z = seed + 0x9E3779B97F4A7C15UL * (ulong)(trajectory + 1);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (int)(z & 0x7FFFFFFF);
    }

    private static QuantileSet[] Summarise(double[] values, int trajectories, int stride)
    {
        var result = new QuantileSet[stride];
        Parallel.For(0, stride, () => new double[trajectories], (cell, _, column) =>
        {
            for (var t = 0; t < trajectories; t++) column[t] = values[(long)t * stride + cell];
            Array.Sort(column);
            result[cell] = double.IsNaN(column[0])
                ? new QuantileSet(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN)
                : new QuantileSet(Quantile(column, 0.025), Quantile(column, 0.1), Quantile(column, 0.5), Quantile(column, 0.9), Quantile(column, 0.975));
            return column;
        }, _ => { });
        return result;
    }

    /// <summary>Type-7 sample quantile of sorted values.</summary>
    internal static double Quantile(double[] sorted, double p)
    {
        var h = (sorted.Length - 1) * p;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    private sealed class SummarySink(double[] values, long offset, int years, StatutoryAgeRule[] rules) : IProjectionSink
    {
        private long Index(int unit, ProjectionIndicator indicator, int year) => offset + ((long)unit * IndicatorCount + (int)indicator) * years + year;

        public void Population(int yearIndex, int unit, ReadOnlySpan<double> cells)
        {
            var male = cells[..AgeGrid.Count];
            var female = cells[AgeGrid.Count..];
            var rule = rules[yearIndex];
            var m = StatutoryAges.Split(male, rule.WorkingAgeFrom, rule.RetirementAgeMale);
            var f = StatutoryAges.Split(female, rule.WorkingAgeFrom, rule.RetirementAgeFemale);
            var maleTotal = m.Below + m.Working + m.Above;
            var femaleTotal = f.Below + f.Working + f.Above;
            values[Index(unit, ProjectionIndicator.Total, yearIndex)] = maleTotal + femaleTotal;
            values[Index(unit, ProjectionIndicator.Male, yearIndex)] = maleTotal;
            values[Index(unit, ProjectionIndicator.Female, yearIndex)] = femaleTotal;
            values[Index(unit, ProjectionIndicator.WorkingAge, yearIndex)] = m.Working + f.Working;
            values[Index(unit, ProjectionIndicator.AboveWorkingAge, yearIndex)] = m.Above + f.Above;
            if (yearIndex == years - 1)
            {
                values[Index(unit, ProjectionIndicator.Births, yearIndex)] = double.NaN;
                values[Index(unit, ProjectionIndicator.Deaths, yearIndex)] = double.NaN;
                values[Index(unit, ProjectionIndicator.InternationalMigration, yearIndex)] = double.NaN;
                values[Index(unit, ProjectionIndicator.InterRegionalMigration, yearIndex)] = double.NaN;
            }
        }

        public void Flows(int yearIndex, int unit, in AnnualFlows flows)
        {
            values[Index(unit, ProjectionIndicator.Births, yearIndex)] = flows.Births;
            values[Index(unit, ProjectionIndicator.Deaths, yearIndex)] = flows.Deaths;
            values[Index(unit, ProjectionIndicator.InternationalMigration, yearIndex)] = flows.InternationalMigration;
            values[Index(unit, ProjectionIndicator.InterRegionalMigration, yearIndex)] = flows.InterRegionalMigration;
        }
    }
}
