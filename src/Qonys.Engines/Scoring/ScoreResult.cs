namespace Qonys.Engines.Scoring;

/// <summary>The full, explained result of evaluating one scorecard version against one set of facts.</summary>
public sealed record ScoreResult
{
    /// <summary>Key of the scorecard used.</summary>
    public required string ScorecardKey { get; init; }

    /// <summary>Version of the scorecard used (decisions store it).</summary>
    public required int ScorecardVersion { get; init; }

    /// <summary>Total points after group caps; always the sum of <see cref="CriterionResult.PointsAfterCap"/>.</summary>
    public required decimal Total { get; init; }

    /// <summary>The scorecard's pass mark, if any.</summary>
    public decimal? PassMark { get; init; }

    /// <summary>Whether the total reaches the pass mark; null when the scorecard has none.</summary>
    public bool? Passed { get; init; }

    /// <summary>One entry per criterion, in scorecard order.</summary>
    public required IReadOnlyList<CriterionResult> Criteria { get; init; }

    /// <summary>One entry per group, in scorecard order, saying whether and how its cap applied.</summary>
    public required IReadOnlyList<GroupResult> Groups { get; init; }

    /// <summary>Names of the facts the scorecard needed but did not receive (each once, in criterion order).</summary>
    public required IReadOnlyList<string> MissingFacts { get; init; }
}

/// <summary>What happened to one fact when a criterion read it.</summary>
public enum FactOutcome
{
    /// <summary>The value fell into a band.</summary>
    Matched,

    /// <summary>The fact was not provided (or was NaN): 0 points.</summary>
    NotProvided,

    /// <summary>A text was given where a number is needed, or the reverse: 0 points.</summary>
    WrongType,

    /// <summary>A categorical value matched no band and the criterion has no default band: 0 points.</summary>
    NoBandMatched,
}

/// <summary>How one criterion was scored: the fact, the value used, the band matched and the points.</summary>
public sealed record CriterionResult
{
    /// <summary>Key of the criterion.</summary>
    public required string CriterionKey { get; init; }

    /// <summary>Title of the criterion.</summary>
    public required string Title { get; init; }

    /// <summary>Name of the fact read.</summary>
    public required string Fact { get; init; }

    /// <summary>The value used; null when the fact was not provided.</summary>
    public FactValue? FactValue { get; init; }

    /// <summary>Whether the fact matched a band, and if not, why.</summary>
    public required FactOutcome Outcome { get; init; }

    /// <summary>Index of the matched band in the criterion's band list; null when none matched.</summary>
    public int? BandIndex { get; init; }

    /// <summary>Label of the matched band.</summary>
    public string? BandLabel { get; init; }

    /// <summary>The matched band's range ("25 ≤ value &lt; 33") or values ("one of: B2, C1", "any other value").</summary>
    public string? BandRange { get; init; }

    /// <summary>Points of the matched band (0 when none matched).</summary>
    public required decimal Points { get; init; }

    /// <summary>Points after the group cap took its share off (equal to <see cref="Points"/> when no cap applied).</summary>
    public required decimal PointsAfterCap { get; init; }

    /// <summary>Key of the criterion's group, if any.</summary>
    public string? Group { get; init; }

    /// <summary>A sentence explaining the points.</summary>
    public required string Explanation { get; init; }
}

/// <summary>How a group cap applied.</summary>
public sealed record GroupResult
{
    /// <summary>Key of the group.</summary>
    public required string Key { get; init; }

    /// <summary>Title of the group.</summary>
    public required string Title { get; init; }

    /// <summary>The cap.</summary>
    public required decimal Cap { get; init; }

    /// <summary>Sum of the group's criterion points before the cap.</summary>
    public required decimal PointsBeforeCap { get; init; }

    /// <summary>Sum after the cap: min(before, cap).</summary>
    public required decimal PointsAfterCap { get; init; }

    /// <summary>True when the cap clipped the group.</summary>
    public required bool CapApplied { get; init; }

    /// <summary>A sentence explaining the cap and how the clipping was distributed.</summary>
    public required string Explanation { get; init; }
}
