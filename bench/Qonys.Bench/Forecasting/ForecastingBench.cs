using System.Globalization;
using Qonys.Engines.Forecasting;

namespace Qonys.Bench.Forecasting;

/// <summary>
/// Rolling-origin back-test of all forecasting methods over 1,000 synthetic monthly series of 10 years
/// (trend + seasonality + noise, 20 % with a level shift), horizon 12, then the chosen method's 12-month forecast.
/// Options: [series count (1000)] [origin step (3)].
/// </summary>
public sealed class ForecastingBench : IBench
{
    private const int Seed = 20_250_101;

    public string Name => "forecasting";

    public string Description => "back-test 7 methods on 1,000 synthetic monthly series (10 y, h = 12), choose, forecast";

    public Task RunAsync(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
        var step = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        var series = SyntheticSeries(count, 120, new Random(Seed));
        var options = new SelectionOptions(new BacktestOptions(12, 48, step, [0.8, 0.95]), 12, [0.8, 0.95]);
        var origins = options.Backtest.TrainingLengths(120).Count;
        Console.WriteLine($"series {count}, length 120, horizon 12, training 48.., step {step}: {origins} origins per series");

        IReadOnlyList<SelectedForecast> results = [];
        var cores = Environment.ProcessorCount;
        Harness.Measure("all_cores", $"forecasting: {count} series, {cores} threads", 3, () => results = BatchForecaster.Run(series, options, cores));
        Harness.Measure("one_thread", $"forecasting: {count} series, 1 thread", 3, () => BatchForecaster.Run(series, options, 1));

        var backtests = results.Select(r => r.Backtest!).ToList();
        Console.WriteLine("method                       mean MASE  rel. MASE  mean sMAPE  cover80  cover95  chosen");
        foreach (var kind in Enum.GetValues<ForecastMethodKind>())
        {
            var scores = backtests.Select(b => b.Scores.First(s => s.Method == kind)).ToList();
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{kind,-26} {scores.Average(s => s.MeanMase),10:F3} {scores.Average(s => s.RelativeMase!.Value),10:F3} {scores.Average(s => s.MeanSmape),11:F2} {scores.Average(s => s.Coverage[0].Coverage),8:F3} {scores.Average(s => s.Coverage[1].Coverage),8:F3} {results.Count(r => r.Chosen == kind),7}"));
        }
        return Task.CompletedTask;
    }

    /// <summary>
    /// Positive monthly series: level 100..1000; trend −0.3 %..+1 % of the level per month; seasonal amplitude
    /// 0..30 % (a sine with a random phase plus a random month shape); multiplicative noise 2..10 %; 20 % of series
    /// get a level shift of ±10..30 % at a random month.
    /// </summary>
    internal static List<MonthlySeries> SyntheticSeries(int count, int length, Random random)
    {
        var list = new List<MonthlySeries>(count);
        for (var s = 0; s < count; s++)
        {
            var level = 100 + (900 * random.NextDouble());
            var trend = level * (-0.003 + (0.013 * random.NextDouble()));
            var amplitude = 0.3 * random.NextDouble();
            var phase = 2 * Math.PI * random.NextDouble();
            var shape = Enumerable.Range(0, 12).Select(_ => 0.1 * (random.NextDouble() - 0.5)).ToArray();
            var noise = 0.02 + (0.08 * random.NextDouble());
            var shiftAt = random.NextDouble() < 0.2 ? 12 + random.Next(length - 24) : -1;
            var shift = (random.NextDouble() < 0.5 ? -1 : 1) * (0.1 + (0.2 * random.NextDouble()));
            var values = new double[length];
            for (var t = 0; t < length; t++)
            {
                var baseLevel = Math.Max(level * 0.2, level + (trend * t)) * (shiftAt >= 0 && t >= shiftAt ? 1 + shift : 1);
                var seasonal = 1 + (amplitude * (Math.Sin((2 * Math.PI * t / 12) + phase) + shape[t % 12]));
                var gaussian = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
                values[t] = Math.Max(1, baseLevel * seasonal * (1 + (noise * gaussian)));
            }
            list.Add(new MonthlySeries(2015, 1, values));
        }
        return list;
    }
}
