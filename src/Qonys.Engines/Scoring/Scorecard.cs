using System.Text.Json.Serialization;

namespace Qonys.Engines.Scoring;

/// <summary>
/// A versioned, data-only scorecard: named criteria, each turning one input fact into points through bands,
/// optional groups whose summed points are capped, and an optional pass mark.
/// </summary>
public sealed record Scorecard
{
    /// <summary>Stable identifier shared by all versions, e.g. <c>skilled-migrant-pool</c>.</summary>
    public string Key { get; init; } = "";

    /// <summary>Version number (1, 2, …); decisions record the version used.</summary>
    public int Version { get; init; }

    /// <summary>First day on which this version applies.</summary>
    public DateOnly EffectiveFrom { get; init; }

    /// <summary>Human title of the scorecard.</summary>
    public string Title { get; init; } = "";

    /// <summary>Minimum total needed to pass; <c>null</c> when the scorecard only ranks or measures.</summary>
    public decimal? PassMark { get; init; }

    /// <summary>Optional note on the purpose and sources of the scorecard.</summary>
    public string? Note { get; init; }

    /// <summary>Criteria in priority order (the order also decides which criterion loses points first under a cap).</summary>
    public IReadOnlyList<Criterion> Criteria { get; init; } = [];

    /// <summary>Optional groups of criteria whose summed points are capped.</summary>
    public IReadOnlyList<CriterionGroup> Groups { get; init; } = [];
}

/// <summary>How a criterion reads its fact: as a number compared with ranges, or as a category compared with value lists.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CriterionKind>))]
public enum CriterionKind
{
    /// <summary>The fact is a number; bands are half-open ranges [min, max).</summary>
    [JsonStringEnumMemberName("numeric")]
    Numeric,

    /// <summary>The fact is a text value; bands list the values they accept.</summary>
    [JsonStringEnumMemberName("categorical")]
    Categorical,
}

/// <summary>One scored criterion of a scorecard.</summary>
public sealed record Criterion
{
    /// <summary>Identifier of the criterion, unique within the scorecard.</summary>
    public string Key { get; init; } = "";

    /// <summary>Human title, used in explanations (e.g. "English level").</summary>
    public string Title { get; init; } = "";

    /// <summary>Name of the input fact the criterion reads (e.g. <c>englishLevel</c>).</summary>
    public string Fact { get; init; } = "";

    /// <summary>Key of the group this criterion belongs to, if any.</summary>
    public string? Group { get; init; }

    /// <summary>Numeric or categorical.</summary>
    public CriterionKind Kind { get; init; }

    /// <summary>The bands; exactly one band matches any provided value of the right kind.</summary>
    public IReadOnlyList<Band> Bands { get; init; } = [];

    /// <summary>Source or rationale of the criterion, shown to administrators and in the documentation.</summary>
    public string? Note { get; init; }
}

/// <summary>
/// A band of a criterion. Numeric bands use <see cref="Min"/> (inclusive, null = −∞) and <see cref="Max"/>
/// (exclusive, null = +∞); categorical bands use <see cref="Values"/> or <see cref="IsDefault"/>.
/// </summary>
public sealed record Band
{
    /// <summary>Inclusive lower bound of a numeric band; null means no lower bound.</summary>
    public decimal? Min { get; init; }

    /// <summary>Exclusive upper bound of a numeric band; null means no upper bound.</summary>
    public decimal? Max { get; init; }

    /// <summary>Accepted values of a categorical band (compared without regard to letter case).</summary>
    public IReadOnlyList<string>? Values { get; init; }

    /// <summary>True for the one categorical band that matches every value not listed by another band.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool IsDefault { get; init; }

    /// <summary>Points earned in this band; may be negative (e.g. a risk penalty or a mitigating factor).</summary>
    public decimal Points { get; init; }

    /// <summary>Human label of the band (e.g. "B2", "25–32 years").</summary>
    public string Label { get; init; } = "";
}

/// <summary>A group of criteria whose summed points may not exceed <see cref="Cap"/>.</summary>
public sealed record CriterionGroup
{
    /// <summary>Identifier referenced by <see cref="Criterion.Group"/>.</summary>
    public string Key { get; init; } = "";

    /// <summary>Human title (e.g. "Languages").</summary>
    public string Title { get; init; } = "";

    /// <summary>Maximum of the group's summed points; must be positive.</summary>
    public decimal Cap { get; init; }
}
