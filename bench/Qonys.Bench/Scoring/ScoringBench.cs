using System.Diagnostics;
using Qonys.Engines.Scoring;

namespace Qonys.Bench.Scoring;

/// <summary>
/// Scores and ranks 1,000,000 synthetic skilled-migrant profiles (fixed seed) and compares with the floor:
/// one tight loop that only sums the points, at the same parallelism (every core the process may use; run it under
/// <c>taskset -c 0</c> for one core). Option: [runs (7)]. Fails when the engine's and the floor's totals differ.
/// </summary>
public sealed class ScoringBench : IBench
{
    private const int Profiles = 1_000_000;
    private const int Seed = 20260101;

    public string Name => "scoring";

    public string Description => "skilled-migrant pool: score+rank 1M profiles, what-if vs top-10,000, floor sum loop";

    public Task RunAsync(string[] args)
    {
        var runs = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 7;
        var card = ShippedScorecards.Get("skilled-migrant-pool");
        var draft = Draft(card);
        var sw = Stopwatch.StartNew();
        var columns = SyntheticColumns.Generate(card, Profiles, Seed);
        var pool = columns.ToPool();
        Console.WriteLine($"generated {Profiles:N0} profiles in {sw.Elapsed.TotalSeconds:F1} s (not measured); {Environment.ProcessorCount} core(s) available to the process");

        var published = CompiledScorecard.Compile(card);
        var compiledDraft = CompiledScorecard.Compile(draft);
        var floor = new FloorLoop(card, columns);
        var request = new RoundRequest { Invitations = 10_000 };

        PoolScores? scores = null;
        WhatIfResult? whatIf = null;
        long floorChecksum = 0;
        var a = Harness.Measure("score_rank", "(a) score + rank 1M, band index per criterion", runs, () => scores = published.ScoreAll(pool));
        var b = Harness.Measure("what_if", "(b) what-if draft vs published, top 10,000", runs, () => whatIf = WhatIfAnalysis.Compare(pool, published, compiledDraft, request));
        var c = Harness.Measure("floor", "(c) floor: one loop summing points", runs, () => floorChecksum = floor.Run());

        var checksum = Enumerable.Range(0, Profiles).Sum(i => (long)(scores!.TotalOf(i) * 10_000));
        Console.WriteLine($"checksum engine {checksum} floor {floorChecksum} {(checksum == floorChecksum ? "(equal)" : "(DIFFERENT)")}");
        Console.WriteLine($"ratio (a)/(c) = {a.MedianMs / c.MedianMs:F1}, (b)/(c) = {b.MedianMs / c.MedianMs:F1} ({Environment.ProcessorCount} core(s) for both)");
        var best = scores!.Ranking[0];
        Console.WriteLine($"best profile {pool.IdOf(best)} total {scores.TotalOf(best)}; explanation: {scores.Explain(best).Criteria[0].Explanation}");
        Console.WriteLine($"what-if: {whatIf!.Entering.Count} enter, {whatIf.Leaving.Count} leave; cut-off {whatIf.Published.CutOffScore} → {whatIf.Draft.CutOffScore}; "
                          + $"mean {whatIf.Before.Mean} → {whatIf.After.Mean}, median {whatIf.Before.Median} → {whatIf.After.Median}");
        if (checksum != floorChecksum)
            throw new BenchmarkFailedException($"the floor's total {floorChecksum} differs from the engine's {checksum}: the floor does not sum the same points");
        return Task.CompletedTask;
    }

    /// <summary>Version 2 draft changing two criteria: English weighted up, job offer in a deficit region worth 25.</summary>
    private static Scorecard Draft(Scorecard card) => card with
    {
        Version = 2,
        Criteria = card.Criteria.Select(c => c.Key switch
        {
            "english" => c with { Bands = c.Bands.Select(b => b with { Points = b.Points * 1.5m }).ToArray() },
            "deficitRegionOffer" => c with { Bands = c.Bands.Select(b => b.Points > 0 ? b with { Points = 25 } : b).ToArray() },
            _ => c,
        }).ToArray(),
    };
}
