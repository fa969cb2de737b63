
namespace Qonys.Web.Platform.Demo;

/// <summary>
/// One module's share of the demo data set: it builds only its own module's records and writes them through
/// <see cref="DemoContext.WriteAsync{T}"/>; what other modules' records refer to (an employer's BIN, say) it publishes as
/// typed facts (<see cref="DemoContext.Publish{T}"/>), never as its entities. Each module registers its contributors in
/// its own <c>AddXxxModule</c>; <see cref="DemoDataSet"/> runs them.
/// </summary>
internal interface IDemoDataContributor
{
    /// <summary>The contributor's name in errors and logs.</summary>
    string Name { get; }

    /// <summary>
    /// Contributors run in ascending order, once per copy. Those that draw from the copy's shared
    /// <see cref="DemoContext.Random"/> draw in this order, so the order is part of the data: moving a contributor changes
    /// every record drawn after it. A contributor's facts are there for the contributors after it.
    /// </summary>
    int Order { get; }

    /// <summary>Whether a scaled load (<c>seed-demo --scale N</c>, for benchmarks) writes this contributor's data, once per copy.</summary>
    bool Scales => true;

    /// <summary>Whether the database already holds this contributor's demo data (a demo start then leaves it out).</summary>
    Task<bool> IsLoadedAsync(AppDb db, CancellationToken ct);

    /// <summary>Builds and writes this contributor's records of one copy of the set.</summary>
    Task ContributeAsync(DemoContext context, CancellationToken ct);
}
