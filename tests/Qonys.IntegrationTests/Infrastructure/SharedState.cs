using Microsoft.EntityFrameworkCore;
using Qonys.Web.Modules.Selection.Domain;
using Qonys.Web.Platform.Reference;

namespace Qonys.IntegrationTests.Infrastructure;

/// <summary>
/// What the tests sharing one app must leave as they found it: the rule values and the published and retired versions of
/// the scorecards the app started with. A test that changes them uses an app of its own (or restores them in a
/// <c>finally</c>); the shared fixtures check this before handing the app to the next test, which then fails saying what
/// an earlier test changed, whatever the order.
/// </summary>
public sealed class SharedState
{
    readonly TestApp _app;
    readonly HashSet<string> _scorecardKeys;
    HashSet<string> _expected;

    SharedState(TestApp app, HashSet<string> scorecardKeys, HashSet<string> expected)
    {
        _app = app;
        _scorecardKeys = scorecardKeys;
        _expected = expected;
    }

    public static async Task<SharedState> TakeAsync(TestApp app)
    {
        var keys = (await app.WithDbAsync(db => db.Set<StoredScorecard>().Select(s => s.Key).Distinct().ToListAsync())).ToHashSet();
        return new SharedState(app, keys, await ReadAsync(app, keys));
    }

    /// <summary>Fails when the shared state differs from what it was (once: the next check compares with the changed state).</summary>
    public async Task VerifyUnchangedAsync()
    {
        var now = await ReadAsync(_app, _scorecardKeys);
        if (now.SetEquals(_expected)) return;
        var removed = _expected.Except(now).Order(StringComparer.Ordinal).Select(s => "  was: " + s);
        var added = now.Except(_expected).Order(StringComparer.Ordinal).Select(s => "  now: " + s);
        _expected = now;
        throw new InvalidOperationException(
            "An earlier test changed the rule values or shipped scorecards of the app it shares with other tests (give it an app of its own):\n"
            + string.Join('\n', removed.Concat(added)));
    }

    static async Task<HashSet<string>> ReadAsync(TestApp app, HashSet<string> scorecardKeys)
    {
        // Decimals do not order in SQLite: read, then describe in memory.
        var rules = await app.WithDbAsync(db => db.Set<RuleValue>().AsNoTracking()
            .Select(r => new { r.Key, r.EffectiveFrom, r.EffectiveTo, r.Value }).ToListAsync());
        var cards = await app.WithDbAsync(db => db.Set<StoredScorecard>().AsNoTracking()
            .Where(s => scorecardKeys.Contains(s.Key) && s.Status != ScorecardStatus.Draft)
            .Select(s => new { s.Key, s.Version, s.Status }).ToListAsync());
        return rules.Select(r => FormattableString.Invariant($"rule {r.Key} {r.EffectiveFrom:yyyy-MM-dd}..{r.EffectiveTo:yyyy-MM-dd} = {r.Value}"))
            .Concat(cards.Select(c => FormattableString.Invariant($"scorecard {c.Key} v{c.Version} {c.Status}")))
            .ToHashSet();
    }
}
