namespace Qonys.Web.Platform.Demo;

/// <summary>The rows a demo load wrote, by name (in the order first written), summed over the copies.</summary>
internal sealed class DemoCounts
{
    readonly List<KeyValuePair<string, long>> counts = [];

    public IReadOnlyList<KeyValuePair<string, long>> ByName => counts;

    public long Rows => counts.Sum(c => c.Value);

    public void Add(string name, long rows)
    {
        var i = counts.FindIndex(c => c.Key == name);
        if (i < 0) counts.Add(new(name, rows));
        else counts[i] = new(name, counts[i].Value + rows);
    }
}
