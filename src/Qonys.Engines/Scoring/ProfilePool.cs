namespace Qonys.Engines.Scoring;

/// <summary>One candidate profile as the pool receives it.</summary>
/// <param name="Id">Unique profile identifier.</param>
/// <param name="Submitted">Profile timestamp; earlier profiles win ties.</param>
/// <param name="Occupation">Occupation code, used by invitation-round filters.</param>
/// <param name="Region">Region code, used by invitation-round filters.</param>
/// <param name="Facts">Fact name → value.</param>
public sealed record CandidateProfile(
    string Id, DateTimeOffset Submitted, string? Occupation, string? Region, IReadOnlyDictionary<string, FactValue> Facts);

/// <summary>
/// A pool of candidate profiles stored as columns: one <c>double[]</c> per numeric fact (NaN = not provided) and
/// one array of small integer codes per text fact (−1 = not provided) with its table of distinct values.
/// Immutable once built; independent of any scorecard.
/// </summary>
public sealed class ProfilePool
{
    private readonly Dictionary<string, double[]> _numeric;
    private readonly Dictionary<string, TextColumn> _text;
    private readonly Dictionary<string, int> _indexById;
    private readonly string[] _ids;
    private readonly long[] _submittedTicks;
    private readonly string?[] _occupations;
    private readonly string?[] _regions;

    internal ProfilePool(
        string[] ids, long[] submittedTicks, string?[] occupations, string?[] regions,
        Dictionary<string, double[]> numeric, Dictionary<string, TextColumn> text, Dictionary<string, int> indexById)
    {
        _ids = ids;
        _submittedTicks = submittedTicks;
        _occupations = occupations;
        _regions = regions;
        _numeric = numeric;
        _text = text;
        _indexById = indexById;
        TimestampRank = RankByTimestamp(ids, submittedTicks);
    }

    /// <summary>Number of profiles.</summary>
    public int Count => _ids.Length;

    /// <summary>Position of each profile when ordered by timestamp, then by id (ordinal): the tie-break order.</summary>
    internal int[] TimestampRank { get; }

    /// <summary>Identifier of the profile at <paramref name="index"/>.</summary>
    public string IdOf(int index) => _ids[index];

    /// <summary>Timestamp of the profile at <paramref name="index"/> (UTC).</summary>
    public DateTimeOffset SubmittedOf(int index) => new(_submittedTicks[index], TimeSpan.Zero);

    /// <summary>Occupation of the profile at <paramref name="index"/>.</summary>
    public string? OccupationOf(int index) => _occupations[index];

    /// <summary>Region of the profile at <paramref name="index"/>.</summary>
    public string? RegionOf(int index) => _regions[index];

    /// <summary>Index of the profile with this id, or −1.</summary>
    public int IndexOf(string id) => _indexById.TryGetValue(id, out var index) ? index : -1;

    /// <summary>The value of one fact of one profile; null when not provided.</summary>
    public FactValue? FactOf(int index, string fact)
    {
        if (_numeric.TryGetValue(fact, out var numbers) && !double.IsNaN(numbers[index])) return FactValue.Of(numbers[index]);
        if (_text.TryGetValue(fact, out var text) && text.Codes[index] >= 0) return FactValue.Of(text.Values[text.Codes[index]]);
        return null;
    }

    internal double[]? NumericColumn(string fact) => _numeric.GetValueOrDefault(fact);

    internal TextColumn? TextColumnOf(string fact) => _text.GetValueOrDefault(fact);

    internal long SubmittedTicks(int index) => _submittedTicks[index];

    private static int[] RankByTimestamp(string[] ids, long[] ticks)
    {
        var order = new int[ids.Length];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        Array.Sort(order, (x, y) => ticks[x] != ticks[y] ? ticks[x].CompareTo(ticks[y]) : string.CompareOrdinal(ids[x], ids[y]));
        var rank = new int[ids.Length];
        for (var k = 0; k < order.Length; k++) rank[order[k]] = k;
        return rank;
    }
}

/// <summary>A text fact column: per profile the code of its value in <see cref="Values"/>, or −1.</summary>
internal sealed record TextColumn(int[] Codes, string[] Values);

/// <summary>Collects profiles and builds a columnar <see cref="ProfilePool"/>.</summary>
public sealed class ProfilePoolBuilder
{
    private readonly List<string> _ids = [];
    private readonly List<long> _ticks = [];
    private readonly List<string?> _occupations = [];
    private readonly List<string?> _regions = [];
    private readonly Dictionary<string, int> _indexById = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<double>> _numeric = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (List<int> Codes, Dictionary<string, int> Table)> _text = new(StringComparer.Ordinal);

    /// <summary>Number of profiles added so far.</summary>
    public int Count => _ids.Count;

    /// <summary>Adds a profile; throws <see cref="ArgumentException"/> when its id is already in the pool.</summary>
    public ProfilePoolBuilder Add(CandidateProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (!_indexById.TryAdd(profile.Id, _ids.Count))
            throw new ArgumentException($"profile id {ScoreText.Quoted(profile.Id)} is already in the pool", nameof(profile));
        var index = _ids.Count;
        _ids.Add(profile.Id);
        _ticks.Add(profile.Submitted.UtcTicks);
        _occupations.Add(profile.Occupation);
        _regions.Add(profile.Region);
        foreach (var (name, value) in profile.Facts)
        {
            if (value.Number is { } number)
            {
                if (!_numeric.TryGetValue(name, out var column)) _numeric[name] = column = [];
                Pad(column, index, double.NaN);
                column.Add(number);
            }
            else if (value.Text is { } text)
            {
                if (!_text.TryGetValue(name, out var column)) _text[name] = column = ([], new Dictionary<string, int>(StringComparer.Ordinal));
                Pad(column.Codes, index, -1);
                if (!column.Table.TryGetValue(text, out var code)) column.Table[text] = code = column.Table.Count;
                column.Codes.Add(code);
            }
        }
        return this;
    }

    /// <summary>Builds the immutable pool.</summary>
    public ProfilePool Build()
    {
        var count = _ids.Count;
        var numeric = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var (name, column) in _numeric)
        {
            var array = new double[count];
            column.CopyTo(array);
            array.AsSpan(column.Count).Fill(double.NaN);
            numeric[name] = array;
        }
        var text = new Dictionary<string, TextColumn>(StringComparer.Ordinal);
        foreach (var (name, column) in _text)
        {
            var codes = new int[count];
            column.Codes.CopyTo(codes);
            codes.AsSpan(column.Codes.Count).Fill(-1);
            var values = new string[column.Table.Count];
            foreach (var (value, code) in column.Table) values[code] = value;
            text[name] = new TextColumn(codes, values);
        }
        return new ProfilePool(
            [.. _ids], [.. _ticks], [.. _occupations], [.. _regions], numeric, text,
            new Dictionary<string, int>(_indexById, StringComparer.Ordinal));
    }

    private static void Pad<T>(List<T> column, int length, T missing)
    {
        while (column.Count < length) column.Add(missing);
    }
}
