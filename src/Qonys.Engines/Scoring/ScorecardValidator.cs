namespace Qonys.Engines.Scoring;

/// <summary>One problem found in a scorecard: where it is (a JSON-like path) and what is wrong, in plain words.</summary>
/// <param name="Path">Location, e.g. <c>criteria[2].bands[1]</c>.</param>
/// <param name="Message">A sentence an administrator understands.</param>
public sealed record ValidationProblem(string Path, string Message)
{
    /// <summary>"path: message".</summary>
    public override string ToString() => $"{Path}: {Message}";
}

/// <summary>Thrown when a scorecard with validation problems is evaluated or compiled.</summary>
public sealed class InvalidScorecardException : Exception
{
    /// <summary>Creates the exception from the problems found.</summary>
    public InvalidScorecardException(IReadOnlyList<ValidationProblem> problems)
        : base("The scorecard is not valid: " + string.Join("; ", problems))
    {
        Problems = problems;
    }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<ValidationProblem> Problems { get; }
}

/// <summary>
/// Checks a scorecard and reports every problem (not only the first), for the administrators' editor.
/// </summary>
public static class ScorecardValidator
{
    /// <summary>Largest number of bands a criterion may have (band indices are stored in one byte).</summary>
    public const int MaxBands = 254;

    /// <summary>Points, caps and pass marks may have at most this many decimal places.</summary>
    public const int MaxDecimalPlaces = 4;

    /// <summary>Largest absolute value of band points and caps.</summary>
    public const decimal MaxAbsolutePoints = 1_000_000m;

    /// <summary>Returns every problem of the scorecard; an empty list means it is valid.</summary>
    public static IReadOnlyList<ValidationProblem> Validate(Scorecard scorecard)
    {
        ArgumentNullException.ThrowIfNull(scorecard);
        var problems = new List<ValidationProblem>();
        if (string.IsNullOrWhiteSpace(scorecard.Key)) problems.Add(new("key", "the scorecard needs a key (e.g. \"skilled-migrant-pool\")"));
        if (scorecard.Version < 1) problems.Add(new("version", $"version must be 1 or more (got {scorecard.Version})"));
        if (scorecard.EffectiveFrom == default) problems.Add(new("effectiveFrom", "the date from which the scorecard applies is missing"));
        if (string.IsNullOrWhiteSpace(scorecard.Title)) problems.Add(new("title", "the scorecard needs a title"));
        if (scorecard.PassMark is < 0)
            problems.Add(new("passMark", $"the pass mark must be 0 or more: a negative one passes everyone (got {ScoreText.Number(scorecard.PassMark.Value)})"));
        else if (scorecard.PassMark is { } passMark) CheckAmount(problems, "passMark", "the pass mark", passMark);

        var groups = scorecard.Groups ?? [];
        var groupIndex = ValidateGroups(groups, problems);

        var criteria = scorecard.Criteria ?? [];
        if (criteria.Count == 0) problems.Add(new("criteria", "the scorecard needs at least one criterion"));
        var criterionKeys = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < criteria.Count; i++)
        {
            var path = $"criteria[{i}]";
            var criterion = criteria[i];
            if (string.IsNullOrWhiteSpace(criterion.Key)) problems.Add(new($"{path}.key", "the criterion needs a key"));
            else if (!criterionKeys.TryAdd(criterion.Key, i))
                problems.Add(new($"{path}.key", $"key {ScoreText.Quoted(criterion.Key)} is already used by criteria[{criterionKeys[criterion.Key]}]"));
            if (string.IsNullOrWhiteSpace(criterion.Title)) problems.Add(new($"{path}.title", "the criterion needs a title"));
            if (string.IsNullOrWhiteSpace(criterion.Fact)) problems.Add(new($"{path}.fact", "the criterion needs the name of the fact it reads"));
            if (criterion.Group is { } group && !groupIndex.ContainsKey(group))
                problems.Add(new($"{path}.group", $"group {ScoreText.Quoted(group)} is not defined in groups"));
            ValidateBands(criterion, path, problems);
        }
        return problems;
    }

    /// <summary>Throws <see cref="InvalidScorecardException"/> when the scorecard has any problem.</summary>
    public static void EnsureValid(Scorecard scorecard)
    {
        var problems = Validate(scorecard);
        if (problems.Count > 0) throw new InvalidScorecardException(problems);
    }

    private static Dictionary<string, int> ValidateGroups(IReadOnlyList<CriterionGroup> groups, List<ValidationProblem> problems)
    {
        var keys = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var g = 0; g < groups.Count; g++)
        {
            var path = $"groups[{g}]";
            var group = groups[g];
            if (string.IsNullOrWhiteSpace(group.Key)) problems.Add(new($"{path}.key", "the group needs a key"));
            else if (!keys.TryAdd(group.Key, g))
                problems.Add(new($"{path}.key", $"key {ScoreText.Quoted(group.Key)} is already used by groups[{keys[group.Key]}]"));
            if (string.IsNullOrWhiteSpace(group.Title)) problems.Add(new($"{path}.title", "the group needs a title"));
            if (group.Cap <= 0) problems.Add(new($"{path}.cap", $"the cap must be positive (got {ScoreText.Number(group.Cap)})"));
            else CheckAmount(problems, $"{path}.cap", "the cap", group.Cap);
        }
        return keys;
    }

    private static void ValidateBands(Criterion criterion, string path, List<ValidationProblem> problems)
    {
        var bands = criterion.Bands ?? [];
        if (bands.Count == 0)
        {
            problems.Add(new($"{path}.bands", "the criterion needs at least one band"));
            return;
        }
        if (bands.Count > MaxBands)
            problems.Add(new($"{path}.bands", $"a criterion may have at most {MaxBands} bands (got {bands.Count})"));
        for (var b = 0; b < bands.Count; b++)
        {
            var bandPath = $"{path}.bands[{b}]";
            if (string.IsNullOrWhiteSpace(bands[b].Label)) problems.Add(new($"{bandPath}.label", "every band needs a label"));
            CheckAmount(problems, $"{bandPath}.points", "points", bands[b].Points);
        }
        if (criterion.Kind == CriterionKind.Numeric) ValidateNumericBands(bands, path, problems);
        else ValidateCategoricalBands(bands, path, problems);
    }

    private static void ValidateNumericBands(IReadOnlyList<Band> bands, string path, List<ValidationProblem> problems)
    {
        var usable = new List<int>();
        for (var b = 0; b < bands.Count; b++)
        {
            var band = bands[b];
            var bandPath = $"{path}.bands[{b}]";
            var shapeOk = true;
            if (band.Values is not null || band.IsDefault)
            {
                problems.Add(new(bandPath, "a numeric band uses min and max, not values or isDefault"));
                shapeOk = false;
            }
            if (band is { Min: { } lo, Max: { } hi } && lo >= hi)
            {
                problems.Add(new(bandPath, $"band {ScoreText.Number(lo)}–{ScoreText.Number(hi)} is empty: min must be less than max"));
                shapeOk = false;
            }
            if (shapeOk) usable.Add(b);
        }
        if (usable.Count == 0) return;

        // Sort by lower bound (−∞ first), then walk neighbours: each band must start exactly where the previous ends.
        usable.Sort((x, y) => CompareLower(bands[x].Min, bands[y].Min) is var c && c != 0 ? c : x.CompareTo(y));
        var first = bands[usable[0]];
        if (first.Min is { } firstMin)
            problems.Add(new($"{path}.bands", $"no band covers values below {ScoreText.Number(firstMin)} — one band needs no min"));
        for (var k = 1; k < usable.Count; k++)
        {
            var prevIndex = usable[k - 1];
            var nextIndex = usable[k];
            var prev = bands[prevIndex];
            var next = bands[nextIndex];
            var prevText = ScoreText.RangeShort(prev.Min, prev.Max);
            var nextText = ScoreText.RangeShort(next.Min, next.Max);
            if (prev.Max is not { } prevMax || next.Min is not { } nextMin || prevMax > nextMin)
                problems.Add(new($"{path}.bands[{prevIndex}]", $"band {prevText} overlaps band {nextText} (bands[{nextIndex}])"));
            else if (prevMax < nextMin)
                problems.Add(new($"{path}.bands", $"gap between {ScoreText.Number(prevMax)} and {ScoreText.Number(nextMin)} — no band covers these values"));
        }
        var last = bands[usable[^1]];
        var highestMax = usable.Select(b => bands[b].Max).Any(m => m is null) ? null : usable.Max(b => bands[b].Max);
        if (last.Max is not null && highestMax is { } top)
            problems.Add(new($"{path}.bands", $"no band covers values from {ScoreText.Number(top)} upward — one band needs no max"));
    }

    private static int CompareLower(decimal? x, decimal? y) => (x, y) switch
    {
        (null, null) => 0,
        (null, _) => -1,
        (_, null) => 1,
        ({ } a, { } b) => a.CompareTo(b),
    };

    private static void ValidateCategoricalBands(IReadOnlyList<Band> bands, string path, List<ValidationProblem> problems)
    {
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        int? defaultBand = null;
        for (var b = 0; b < bands.Count; b++)
        {
            var band = bands[b];
            var bandPath = $"{path}.bands[{b}]";
            if (band.Min is not null || band.Max is not null)
                problems.Add(new(bandPath, "a categorical band lists values, not min and max"));
            if (band.IsDefault)
            {
                if (defaultBand is { } earlier)
                    problems.Add(new(bandPath, $"only one band may be the default, and bands[{earlier}] already is"));
                else defaultBand = b;
                if (band.Values is { Count: > 0 })
                    problems.Add(new($"{bandPath}.values", "the default band matches every unlisted value, so it must not list values"));
                continue;
            }
            if (band.Values is not { Count: > 0 } values)
            {
                problems.Add(new($"{bandPath}.values", "the band needs at least one value (or isDefault: true)"));
                continue;
            }
            for (var v = 0; v < values.Count; v++)
            {
                var value = values[v];
                if (string.IsNullOrWhiteSpace(value))
                    problems.Add(new($"{bandPath}.values[{v}]", "values must not be empty"));
                else if (!seen.TryAdd(value, b))
                    problems.Add(new($"{bandPath}.values[{v}]", seen[value] == b
                        ? $"value {ScoreText.Quoted(value)} is listed twice in this band"
                        : $"value {ScoreText.Quoted(value)} already appears in bands[{seen[value]}]"));
            }
        }
    }

    private static void CheckAmount(List<ValidationProblem> problems, string path, string what, decimal amount)
    {
        if (Math.Abs(amount) > MaxAbsolutePoints)
            problems.Add(new(path, $"{what} must be between -{ScoreText.Number(MaxAbsolutePoints)} and {ScoreText.Number(MaxAbsolutePoints)} (got {ScoreText.Number(amount)})"));
        else if (amount.Scale > MaxDecimalPlaces && decimal.Round(amount, MaxDecimalPlaces) != amount)
            problems.Add(new(path, $"{what} may have at most {MaxDecimalPlaces} decimal places (got {ScoreText.Number(amount)})"));
    }
}
