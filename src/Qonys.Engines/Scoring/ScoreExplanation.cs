namespace Qonys.Engines.Scoring;

/// <summary>
/// Turns matched band indices and the fact values used into the explained <see cref="ScoreResult"/>.
/// Shared by the single evaluation and the batch path, so both explain a profile identically.
/// </summary>
internal static class ScoreExplanation
{
    public static ScoreResult Build(CompiledScorecard compiled, IReadOnlyList<FactValue?> values, ReadOnlySpan<byte> bands)
    {
        var scorecard = compiled.Scorecard;
        var criteria = compiled.Criteria;
        var points = new decimal[criteria.Length];
        var outcomes = new FactOutcome[criteria.Length];
        for (var c = 0; c < criteria.Length; c++)
        {
            outcomes[c] = OutcomeOf(criteria[c], values[c], bands[c]);
            points[c] = bands[c] == CompiledScorecard.NoBand ? 0m : criteria[c].Source.Bands[bands[c]].Points;
        }

        var afterCap = (decimal[])points.Clone();
        var capNotes = new string?[criteria.Length];
        var groups = new List<GroupResult>(scorecard.Groups.Count);
        for (var g = 0; g < scorecard.Groups.Count; g++)
            groups.Add(ApplyCap(scorecard.Groups[g], g, criteria, afterCap, capNotes));

        var results = new CriterionResult[criteria.Length];
        var missing = new List<string>();
        for (var c = 0; c < criteria.Length; c++)
        {
            var source = criteria[c].Source;
            var band = bands[c] == CompiledScorecard.NoBand ? null : source.Bands[bands[c]];
            if (outcomes[c] == FactOutcome.NotProvided && !missing.Contains(source.Fact)) missing.Add(source.Fact);
            results[c] = new CriterionResult
            {
                CriterionKey = source.Key,
                Title = source.Title,
                Fact = source.Fact,
                FactValue = values[c],
                Outcome = outcomes[c],
                BandIndex = band is null ? null : bands[c],
                BandLabel = band?.Label,
                BandRange = band is null ? null : source.Kind == CriterionKind.Numeric ? ScoreText.RangeExact(band.Min, band.Max) : ScoreText.Values(band),
                Points = points[c],
                PointsAfterCap = afterCap[c],
                Group = source.Group,
                Explanation = Explain(source, values[c], outcomes[c], band) + capNotes[c],
            };
        }

        var total = afterCap.Sum();
        return new ScoreResult
        {
            ScorecardKey = scorecard.Key,
            ScorecardVersion = scorecard.Version,
            Total = total,
            PassMark = scorecard.PassMark,
            Passed = scorecard.PassMark is { } mark ? total >= mark : null,
            Criteria = results,
            Groups = groups,
            MissingFacts = missing,
        };
    }

    private static FactOutcome OutcomeOf(CompiledCriterion criterion, FactValue? value, byte band)
    {
        if (value is not { } v) return FactOutcome.NotProvided;
        if (criterion.IsNumeric ? v.Number is null : v.Text is null) return FactOutcome.WrongType;
        return band == CompiledScorecard.NoBand ? FactOutcome.NoBandMatched : FactOutcome.Matched;
    }

    private static string Explain(Criterion source, FactValue? value, FactOutcome outcome, Band? band) => outcome switch
    {
        FactOutcome.NotProvided => $"fact {source.Fact} was not provided: 0 points.",
        FactOutcome.WrongType when source.Kind == CriterionKind.Numeric =>
            $"fact {source.Fact} must be a number but was the text {ScoreText.Quoted(value.ToString()!)}: 0 points.",
        FactOutcome.WrongType => $"fact {source.Fact} must be a category (text) but was the number {value}: 0 points.",
        FactOutcome.NoBandMatched =>
            $"{source.Fact} = {ScoreText.Quoted(value.ToString()!)} matches no band and there is no default band: 0 points.",
        _ => $"{source.Title}: {source.Fact} = {value} is in band {ScoreText.Quoted(band!.Label)} "
             + $"({(source.Kind == CriterionKind.Numeric ? ScoreText.RangeExact(band.Min, band.Max) : ScoreText.Values(band))}): "
             + $"{ScoreText.Points(band.Points)} points.",
    };

    /// <summary>
    /// The cap rule: when the group's sum exceeds the cap, the excess is taken off the group's criteria starting
    /// from the last one (in scorecard order) and moving up, each losing at most its own positive points.
    /// Criteria listed first therefore keep their points.
    /// </summary>
    private static GroupResult ApplyCap(CriterionGroup group, int groupIndex, CompiledCriterion[] criteria, decimal[] afterCap, string?[] capNotes)
    {
        var members = criteria.Where(c => c.Group == groupIndex).Select(c => c.Index).ToArray();
        var before = members.Sum(c => afterCap[c]);
        if (before <= group.Cap)
        {
            return new GroupResult
            {
                Key = group.Key, Title = group.Title, Cap = group.Cap,
                PointsBeforeCap = before, PointsAfterCap = before, CapApplied = false,
                Explanation = $"{group.Title}: {ScoreText.Points(before)} points, within the cap of {ScoreText.Points(group.Cap)}.",
            };
        }
        var excess = before - group.Cap;
        var cuts = new List<string>();
        for (var m = members.Length - 1; m >= 0 && excess > 0; m--)
        {
            var c = members[m];
            if (afterCap[c] <= 0) continue;
            var cut = Math.Min(afterCap[c], excess);
            afterCap[c] -= cut;
            excess -= cut;
            cuts.Add($"{criteria[c].Source.Title} −{ScoreText.Points(cut)}");
            capNotes[c] = $" The {group.Title} cap of {ScoreText.Points(group.Cap)} took off {ScoreText.Points(cut)} points, leaving {ScoreText.Points(afterCap[c])}.";
        }
        return new GroupResult
        {
            Key = group.Key, Title = group.Title, Cap = group.Cap,
            PointsBeforeCap = before, PointsAfterCap = group.Cap, CapApplied = true,
            Explanation = $"{group.Title}: {ScoreText.Points(before)} points exceed the cap of {ScoreText.Points(group.Cap)}; "
                          + $"the {ScoreText.Points(before - group.Cap)} points over the cap were taken off starting from the group's last criterion ({string.Join(", ", cuts)}).",
        };
    }
}
