namespace Qonys.Engines.Scoring;

/// <summary>One plain-language suggestion: the next band up of one criterion and the fact value that reaches it.</summary>
public sealed record ScoreImprovement
{
    /// <summary>Key of the criterion.</summary>
    public required string CriterionKey { get; init; }

    /// <summary>Name of the fact to change.</summary>
    public required string Fact { get; init; }

    /// <summary>The value used now; null when the fact was not provided.</summary>
    public FactValue? CurrentValue { get; init; }

    /// <summary>A value that reaches the suggested band (its min, or its first listed value).</summary>
    public required FactValue SuggestedValue { get; init; }

    /// <summary>Label of the suggested band.</summary>
    public required string BandLabel { get; init; }

    /// <summary>Change of the criterion's own points (before caps).</summary>
    public required decimal PointsGain { get; init; }

    /// <summary>Change of the total after group caps (can be smaller than <see cref="PointsGain"/>, even 0).</summary>
    public required decimal TotalGain { get; init; }

    /// <summary>The suggestion as a sentence, e.g. "English level B2 would add 10 points".</summary>
    public required string Text { get; init; }
}

/// <summary>Single-profile entry points: evaluate a scorecard and explain how to raise the score.</summary>
public static class ScorecardEvaluator
{
    /// <summary>Validates, then evaluates the facts; throws <see cref="InvalidScorecardException"/> for an invalid scorecard.</summary>
    public static ScoreResult Evaluate(Scorecard scorecard, IReadOnlyDictionary<string, FactValue> facts) =>
        CompiledScorecard.Compile(scorecard).Evaluate(facts);

    /// <summary>
    /// For each criterion, the next band that earns more points than the current one and a fact value reaching it.
    /// Numeric criteria look only upwards (a larger value, e.g. more experience; age never suggests being younger);
    /// categorical criteria suggest the band with the smallest raise. A fact not provided suggests the best band.
    /// The gain to the total is computed by re-evaluating, so group caps are taken into account.
    /// </summary>
    public static IReadOnlyList<ScoreImprovement> HowToImprove(Scorecard scorecard, IReadOnlyDictionary<string, FactValue> facts, ScoreResult result)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(result);
        var compiled = CompiledScorecard.Compile(scorecard);
        if (result.ScorecardKey != scorecard.Key || result.ScorecardVersion != scorecard.Version || result.Criteria.Count != scorecard.Criteria.Count)
            throw new ArgumentException("the result was not produced by this scorecard version", nameof(result));
        var improvements = new List<ScoreImprovement>();
        for (var c = 0; c < scorecard.Criteria.Count; c++)
        {
            var criterion = scorecard.Criteria[c];
            var current = result.Criteria[c];
            var target = current.Outcome == FactOutcome.Matched || current.Outcome == FactOutcome.NoBandMatched
                ? NextBandUp(criterion, current)
                : BestBand(criterion);
            if (target is not { } bandIndex) continue;
            var band = criterion.Bands[bandIndex];
            var suggested = RepresentativeValue(criterion, band);
            var changed = new Dictionary<string, FactValue>(facts, StringComparer.Ordinal) { [criterion.Fact] = suggested };
            var totalGain = compiled.Evaluate(changed).Total - result.Total;
            var pointsGain = band.Points - current.Points;
            var text = $"{criterion.Title} {suggested} would add {ScoreText.Points(totalGain)} points";
            if (totalGain != pointsGain) text += $" ({ScoreText.Points(pointsGain)} before the group cap)";
            if (current.Outcome is FactOutcome.NotProvided or FactOutcome.WrongType) text = $"{criterion.Fact} was not usable; " + text;
            improvements.Add(new ScoreImprovement
            {
                CriterionKey = criterion.Key,
                Fact = criterion.Fact,
                CurrentValue = current.FactValue,
                SuggestedValue = suggested,
                BandLabel = band.Label,
                PointsGain = pointsGain,
                TotalGain = totalGain,
                Text = text,
            });
        }
        return improvements;
    }

    private static int? NextBandUp(Criterion criterion, CriterionResult current)
    {
        var bands = criterion.Bands;
        if (criterion.Kind == CriterionKind.Numeric)
        {
            var value = current.FactValue!.Value.Number!.Value;
            return Enumerable.Range(0, bands.Count)
                .Where(b => bands[b].Min is { } min && (double)min > value && bands[b].Points > current.Points)
                .OrderBy(b => bands[b].Min)
                .Cast<int?>()
                .FirstOrDefault();
        }
        return Enumerable.Range(0, bands.Count)
            .Where(b => !bands[b].IsDefault && bands[b].Points > current.Points)
            .OrderBy(b => bands[b].Points)
            .ThenBy(b => b)
            .Cast<int?>()
            .FirstOrDefault();
    }

    private static int? BestBand(Criterion criterion)
    {
        var bands = criterion.Bands;
        return Enumerable.Range(0, bands.Count)
            .Where(b => !bands[b].IsDefault && bands[b].Points > 0)
            .OrderByDescending(b => bands[b].Points)
            .ThenBy(b => b)
            .Cast<int?>()
            .FirstOrDefault();
    }

    /// <summary>The band's min (inclusive); for the band open to −∞, one below its max; for a category, its first value.</summary>
    private static FactValue RepresentativeValue(Criterion criterion, Band band)
    {
        if (criterion.Kind == CriterionKind.Categorical) return FactValue.Of(band.Values![0]);
        return band.Min is { } min ? FactValue.Of((double)min) : FactValue.Of((double)(band.Max!.Value - 1));
    }
}
