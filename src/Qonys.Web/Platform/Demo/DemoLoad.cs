using Microsoft.EntityFrameworkCore;

namespace Qonys.Web.Platform.Demo;

/// <summary>
/// One load of the demo data set: runs the contributors copy by copy, each copy with its own <see cref="DemoContext"/>,
/// all through one writer, and counts what they write. Without a database it runs in memory (the tests' writer).
/// </summary>
internal sealed class DemoLoad(IDemoBulkWriter writer, DateOnly today, AppDb? db = null)
{
    public const int DefaultSeed = 20250301;

    readonly Dictionary<Type, object> carried = [];

    public IDemoBulkWriter Writer { get; } = writer;
    public DateOnly Today { get; } = today;
    public DemoCounts Counts { get; } = new();

    /// <summary>Runs the contributors, in their order, for one copy.</summary>
    public async Task RunCopyAsync(IEnumerable<IDemoDataContributor> contributors, int seed, int copy, bool isLastCopy, CancellationToken ct)
    {
        var context = new DemoContext(this, seed, copy, isLastCopy);
        foreach (var contributor in contributors.OrderBy(c => c.Order)) await contributor.ContributeAsync(context, ct);
    }

    internal async Task<List<T>> StoredAsync<T>(CancellationToken ct) where T : class =>
        db is null ? [] : await db.Set<T>().AsNoTracking().ToListAsync(ct);

    internal T Carried<T>() where T : class, new()
    {
        if (!carried.TryGetValue(typeof(T), out var value)) carried[typeof(T)] = value = new T();
        return (T)value;
    }
}
