namespace Qonys.Web.Platform.Demo;

/// <summary>
/// What the contributors of one copy of the demo data set share: the copy's seed and random stream (drawn in
/// contributor order), the day statuses are judged on, the bulk writer, and the typed facts one module's records must
/// share with another's.
/// </summary>
internal sealed class DemoContext
{
    readonly DemoLoad load;
    readonly Dictionary<Type, object> facts = [];

    internal DemoContext(DemoLoad load, int seed, int copy, bool isLastCopy)
    {
        this.load = load;
        Copy = copy;
        IsLastCopy = isLastCopy;
        Random = new Random(seed);
    }

    /// <summary>0 for the demo set itself (it holds the demo employer); 1, 2, … for the copies of a scaled load (fresh BINs and numbers).</summary>
    public int Copy { get; }
    /// <summary>The last copy of the load: where a contributor writes what it sums over the copies.</summary>
    public bool IsLastCopy { get; }
    /// <summary>The copy's one random stream, seeded with the copy's seed; contributors draw from it in their order.</summary>
    public Random Random { get; }
    /// <summary>The day statuses are judged on (today, from the clock): records whose validity ended before it are expired.</summary>
    public DateOnly Today => load.Today;

    /// <summary>Writes rows in bulk and counts them under <paramref name="name"/> in the load's audit entry.</summary>
    public async Task WriteAsync<T>(string name, IEnumerable<T> rows, CancellationToken ct) where T : class =>
        load.Counts.Add(name, await load.Writer.WriteAsync(rows, ct));

    /// <summary>The rows of <typeparamref name="T"/> the database held before the load (none when the load runs in memory).</summary>
    public Task<List<T>> StoredAsync<T>(CancellationToken ct) where T : class => load.StoredAsync<T>(ct);

    /// <summary>Publishes facts of this copy for the contributors after this one.</summary>
    public void Publish<T>(T value) where T : class
    {
        if (!facts.TryAdd(typeof(T), value)) throw new InvalidOperationException($"{typeof(T).Name} is already published");
    }

    /// <summary>Facts an earlier contributor of this copy published.</summary>
    public T Get<T>() where T : class => facts.TryGetValue(typeof(T), out var value)
        ? (T)value
        : throw new InvalidOperationException($"no demo data contributor published {typeof(T).Name} before this one");

    /// <summary>State a contributor carries from copy to copy of the load (for instance a sum it writes with the last copy).</summary>
    public T Carried<T>() where T : class, new() => load.Carried<T>();
}
