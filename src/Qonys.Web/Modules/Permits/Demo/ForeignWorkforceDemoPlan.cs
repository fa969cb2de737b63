using Microsoft.EntityFrameworkCore;
using Qonys.Web.Modules.Permits.Domain;
using Qonys.Web.Platform.Demo;
using static Qonys.Web.Modules.Permits.Demo.PermitsDemoFigures;
using static Qonys.Web.Platform.Demo.DemoRandom;

namespace Qonys.Web.Modules.Permits.Demo;

/// <summary>
/// First of the demo set: the foreign workers valid on 2025-03-01 with the published marginals, then the leavers and
/// joiners up to 2025-05-01 and 2025-08-01 so that every published figure of those dates comes out exactly (see
/// docs/demo-data.md), placed at employers of their OKED section. Writes nothing: it publishes the workers
/// (<see cref="ForeignWorkforce"/>, for <see cref="PermitsDemoData"/>) and the employers they need
/// (<see cref="DemoEmployerPlan"/>, for the registry's demo data).
/// </summary>
internal sealed class ForeignWorkforceDemoPlan : IDemoDataContributor
{
    /// <summary>Employers whose foreign workers all leave between March and August.</summary>
    const int MarchOnlyEmployers = 130;
    const double AffinityNoise = 2.5;

    public string Name => "permits: foreign workforce plan";
    public int Order => 100;

    public Task<bool> IsLoadedAsync(AppDb db, CancellationToken ct) => db.Set<PermitApplication>().AnyAsync(ct);

    public Task ContributeAsync(DemoContext context, CancellationToken ct)
    {
        var workers = Workers(context.Random);
        var employers = AssignEmployers(workers, context.Copy, context.Random);
        context.Publish(new ForeignWorkforce(workers));
        context.Publish(PlanOf(workers, employers));
        return Task.CompletedTask;
    }

    sealed class EmployerDraft(int index, string section)
    {
        public int Index { get; } = index;
        public string Section { get; } = section;
        public string Region { get; set; } = "";
        public double Weight { get; set; }
        public bool IsDemo { get; set; }
    }

    // ---- workers: March with exact marginals, then leavers and joiners -------------------------------------------------

    static List<PlannedWorker> Workers(Random rng)
    {
        var march = Compose(
            Labels(OnMarch.Total, OnMarch.Categories, [], rng),
            Labels(OnMarch.Total, OnMarch.Citizenships, PermitsDemoVocabulary.AllCountries, rng),
            Labels(OnMarch.Total, OnMarch.Sections, PermitsDemoVocabulary.AllSections, rng), rng);
        foreach (var d in march) d.Presence = WorkerPresence.ThroughAll;

        foreach (var d in ChooseLeavers(march, OnMay, rng)) d.Presence = WorkerPresence.MarchOnly;
        var stayed = march.Where(d => d.Presence == WorkerPresence.ThroughAll).ToList();
        var joinedByMay = Joiners(stayed, OnMay, rng);
        foreach (var d in joinedByMay) d.Presence = WorkerPresence.MayAndAugust;

        var may = stayed.Concat(joinedByMay).ToList();
        foreach (var d in ChooseLeavers(may, OnAugust, rng))
            d.Presence = d.Presence == WorkerPresence.ThroughAll ? WorkerPresence.MarchAndMay : WorkerPresence.MayOnly;
        var stayedToAugust = may.Where(d => d.Presence is WorkerPresence.ThroughAll or WorkerPresence.MayAndAugust).ToList();
        var joinedByAugust = Joiners(stayedToAugust, OnAugust, rng);
        foreach (var d in joinedByAugust) d.Presence = WorkerPresence.AugustOnly;
        return [.. march, .. joinedByMay, .. joinedByAugust];
    }

    /// <summary>
    /// Zips three label lists into workers: seasonal work paired with agriculture first (as far as both go), and
    /// citizenship loosely correlated with the category (seasonal and skilled work from Central Asia, ICT from China,
    /// India and Turkey) through noisy sort keys. Every list keeps its exact counts.
    /// </summary>
    static List<PlannedWorker> Compose(List<string> categories, List<string> citizenships, List<string> sections, Random rng)
    {
        var cats = categories.OrderBy(c => c == PermitCategory.Seasonal ? 0 : 1).ToList();
        var secs = sections.OrderBy(s => s == "A" ? 0 : 1).ToList();
        var pairs = cats.Zip(secs).ToList();
        Shuffle(pairs, rng);
        var orderedPairs = pairs.Select(p => (Pair: p, Key: CategoryAffinity(p.First) + rng.NextDouble() * AffinityNoise))
            .OrderBy(x => x.Key).Select(x => x.Pair).ToList();
        var orderedCits = citizenships.Select(c => (Code: c, Key: CitizenshipAffinity(c) + rng.NextDouble() * AffinityNoise))
            .OrderBy(x => x.Key).Select(x => x.Code).ToList();
        var drafts = orderedPairs.Zip(orderedCits, (p, c) => new PlannedWorker(p.First, c, p.Second)).ToList();
        Shuffle(drafts, rng);
        return drafts;
    }

    static double CategoryAffinity(string category) => category switch
    {
        PermitCategory.Seasonal => 0, PermitCategory.SkilledWorkers => 1, PermitCategory.Specialists => 2,
        PermitCategory.DivisionHeads => 2.5, _ => 3,
    };

    static double CitizenshipAffinity(string country) => country switch
    {
        "UZ" or "TJ" => 0, "KG" => 0.3, "AZ" or "MN" => 1, "RU" or "BY" or "UA" or "MD" or "GE" or "AM" => 1.5, "TR" => 2,
        "PK" or "BD" or "NP" or "VN" or "PH" => 1.2, "CN" => 2.3, "IN" => 2.6, _ => 3,
    };

    static double LeaveRate(string category) => category switch
    {
        PermitCategory.Heads => 0.05, PermitCategory.Seasonal => 0.3, PermitCategory.DivisionHeads or PermitCategory.Ict => 0.15, _ => 0.2,
    };

    /// <summary>
    /// Leavers before the next date: a random share per category, then more wherever the stayers alone would exceed a
    /// target of the next date (for each named label and for the "other" bucket of each dimension).
    /// </summary>
    static List<PlannedWorker> ChooseLeavers(List<PlannedWorker> population, WorkerTargets next, Random rng)
    {
        var leaving = population.Select(d => rng.NextDouble() < LeaveRate(d.Category)).ToArray();
        EnforceCeiling(population, leaving, d => d.Category, next.Categories, next.Total, rng);
        EnforceCeiling(population, leaving, d => d.Citizenship, next.Citizenships, next.Total, rng);
        EnforceCeiling(population, leaving, d => d.Section, next.Sections, next.Total, rng);
        return population.Where((_, i) => leaving[i]).ToList();
    }

    static void EnforceCeiling(List<PlannedWorker> population, bool[] leaving, Func<PlannedWorker, string> label, IReadOnlyDictionary<string, int> named,
        int total, Random rng)
    {
        const string Other = "*";
        string Bucket(PlannedWorker d) => named.ContainsKey(label(d)) ? label(d) : Other;
        var ceiling = named.ToDictionary(n => n.Key, n => n.Value);
        ceiling[Other] = total - named.Values.Sum();
        foreach (var (bucket, max) in ceiling)
        {
            var staying = Enumerable.Range(0, population.Count).Where(i => !leaving[i] && Bucket(population[i]) == bucket).ToList();
            if (staying.Count <= max) continue;
            Shuffle(staying, rng);
            foreach (var i in staying.Take(staying.Count - max)) leaving[i] = true;
        }
    }

    /// <summary>Joiners whose labels are, per dimension, the target minus the stayers (the other buckets absorb the rest).</summary>
    static List<PlannedWorker> Joiners(List<PlannedWorker> stayers, WorkerTargets target, Random rng)
    {
        var count = target.Total - stayers.Count;
        return Compose(
            JoinLabels(stayers, d => d.Category, target.Categories, [], count, rng),
            JoinLabels(stayers, d => d.Citizenship, target.Citizenships, PermitsDemoVocabulary.AllCountries, count, rng),
            JoinLabels(stayers, d => d.Section, target.Sections, PermitsDemoVocabulary.AllSections, count, rng), rng);
    }

    static List<string> JoinLabels(List<PlannedWorker> stayers, Func<PlannedWorker, string> label, IReadOnlyDictionary<string, int> named,
        (string Code, double Weight)[] universe, int count, Random rng)
    {
        var have = stayers.GroupBy(label).ToDictionary(g => g.Key, g => g.Count());
        var needed = named.ToDictionary(n => n.Key, n => n.Value - have.GetValueOrDefault(n.Key));
        if (needed.Values.Any(v => v < 0)) throw new InvalidOperationException("more stayers than a target allows");
        return Labels(count, needed, universe, rng);
    }

    // ---- employers ---------------------------------------------------------------------------------------------------

    /// <summary>
    /// Employers per section: "steady" ones each anchored by a worker valid on all three dates, "March-only" ones holding
    /// only workers who leave before August, "new" ones holding only workers who join after March. Employers using
    /// foreign labour are then steady + March-only on 2025-03-01 and steady + new on 2025-08-01, exactly.
    /// </summary>
    static List<EmployerDraft> AssignEmployers(List<PlannedWorker> drafts, int copy, Random rng)
    {
        var steadyTotal = OnMarch.Employers!.Value - MarchOnlyEmployers;
        var newTotal = OnAugust.Employers!.Value - steadyTotal;
        var sections = drafts.Select(d => d.Section).Distinct().Order(StringComparer.Ordinal).ToArray();
        int[] CountPer(params WorkerPresence[] kinds) => sections.Select(s => drafts.Count(d => d.Section == s && kinds.Contains(d.Presence))).ToArray();
        var steadyPer = ApportionCapped(steadyTotal, CountPer(WorkerPresence.ThroughAll));
        var marchOnlyPer = ApportionCapped(MarchOnlyEmployers, CountPer(WorkerPresence.MarchOnly, WorkerPresence.MarchAndMay));
        var newPer = ApportionCapped(newTotal, CountPer(WorkerPresence.MayAndAugust, WorkerPresence.AugustOnly));

        var employers = new List<EmployerDraft>();
        for (var si = 0; si < sections.Length; si++)
        {
            var section = sections[si];
            List<EmployerDraft> Make(int n) => Enumerable.Range(0, n).Select(_ =>
            {
                var e = new EmployerDraft(employers.Count, section) { Weight = Math.Exp(Normal(rng) * 1.1) };
                employers.Add(e);
                return e;
            }).ToList();
            var steady = Make(steadyPer[si]);
            var marchOnly = Make(marchOnlyPer[si]);
            var fresh = Make(newPer[si]);
            var inSection = drafts.Where(d => d.Section == section).ToList();
            Place(inSection.Where(d => d.Presence == WorkerPresence.ThroughAll).ToList(), steady, steady, rng);
            Place(inSection.Where(d => d.Presence is WorkerPresence.MarchOnly or WorkerPresence.MarchAndMay).ToList(), marchOnly, [.. steady, .. marchOnly], rng);
            Place(inSection.Where(d => d.Presence is WorkerPresence.MayAndAugust or WorkerPresence.AugustOnly).ToList(), fresh, [.. steady, .. fresh], rng);
            var mayOnly = inSection.Where(d => d.Presence == WorkerPresence.MayOnly).ToList();
            var pool = steady.Concat(marchOnly).Concat(fresh).ToList();
            if (pool.Count == 0 && mayOnly.Count > 0) pool = Make(1);
            Place(mayOnly, [], pool, rng);
        }

        foreach (var e in employers) e.Region = RegionFor(e.Section, rng);
        if (copy == 0) MakeDemoEmployer(drafts, employers);
        return employers;
    }

    /// <summary>Each anchor employer gets one worker first; the rest go to the pool by weight (a few large employers, many small).</summary>
    static void Place(List<PlannedWorker> workers, List<EmployerDraft> anchors, List<EmployerDraft> pool, Random rng)
    {
        if (workers.Count < anchors.Count) throw new InvalidOperationException("fewer workers than employers to anchor");
        if (workers.Count > 0 && pool.Count == 0) throw new InvalidOperationException("no employer to place workers at");
        Shuffle(workers, rng);
        for (var i = 0; i < anchors.Count; i++) workers[i].Employer = anchors[i].Index;
        if (workers.Count == anchors.Count) return;
        var cumulative = new double[pool.Count];
        var sum = 0.0;
        for (var i = 0; i < pool.Count; i++) cumulative[i] = sum += pool[i].Weight;
        for (var i = anchors.Count; i < workers.Count; i++)
        {
            var at = Array.BinarySearch(cumulative, rng.NextDouble() * sum);
            workers[i].Employer = pool[Math.Min(at < 0 ? ~at : at, pool.Count - 1)].Index;
        }
    }

    static string RegionFor(string section, Random rng)
    {
        var favoured = PermitsDemoVocabulary.SectionRegions.GetValueOrDefault(section) ?? [];
        var weights = PermitsDemoVocabulary.RegionalSplit2025.Select(r => r.Places * (favoured.Contains(r.Code) ? 3.0 : 1.0)).ToArray();
        var pick = rng.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length; i++)
            if ((pick -= weights[i]) < 0) return PermitsDemoVocabulary.RegionalSplit2025[i].Code;
        return PermitsDemoVocabulary.RegionalSplit2025[^1].Code;
    }

    /// <summary>
    /// The demo employer (Karaganda, construction) is the steady construction employer with the fewest workers, topped up
    /// to seven from the largest one (which keeps hundreds) — enough for a demo, few enough to read.
    /// </summary>
    static void MakeDemoEmployer(List<PlannedWorker> drafts, List<EmployerDraft> employers)
    {
        var byEmployer = drafts.GroupBy(d => d.Employer).ToDictionary(g => g.Key, g => g.ToList());
        var steadyF = employers.Where(e => e.Section == "F" && byEmployer[e.Index].Any(d => d.Presence == WorkerPresence.ThroughAll)).ToList();
        var demo = steadyF.MinBy(e => byEmployer[e.Index].Count)!;
        var largest = steadyF.MaxBy(e => byEmployer[e.Index].Count)!;
        demo.Region = "KZ-35";
        demo.IsDemo = true;
        var moving = byEmployer[largest.Index]
            .Where(d => d.Presence is WorkerPresence.ThroughAll or WorkerPresence.MayAndAugust && d.Category is PermitCategory.Specialists or PermitCategory.SkilledWorkers)
            .Take(Math.Max(0, 7 - byEmployer[demo.Index].Count)).ToList();
        foreach (var d in moving) d.Employer = demo.Index;
    }

    /// <summary>The employers with the foreign staff counts the registry's demo data derives their records from.</summary>
    static DemoEmployerPlan PlanOf(List<PlannedWorker> workers, List<EmployerDraft> employers)
    {
        var marchForeign = new int[employers.Count];
        var augustForeign = new int[employers.Count, 4];
        foreach (var d in workers)
        {
            if (d.Presence is WorkerPresence.ThroughAll or WorkerPresence.MarchOnly or WorkerPresence.MarchAndMay) marchForeign[d.Employer]++;
            if (d.Presence is WorkerPresence.ThroughAll or WorkerPresence.MayAndAugust or WorkerPresence.AugustOnly && PermitCategory.StaffCategory(d.Category) is { } c)
                augustForeign[d.Employer, c - 1]++;
        }
        var workersOf = workers.GroupBy(d => d.Employer).ToDictionary(g => g.Key, g => g.Count());
        return new DemoEmployerPlan(employers.Select(e => new DemoEmployerPlan.Employer(e.Index, e.Section, e.Region, e.IsDemo, marchForeign[e.Index],
            [augustForeign[e.Index, 0], augustForeign[e.Index, 1], augustForeign[e.Index, 2], augustForeign[e.Index, 3]],
            workersOf.GetValueOrDefault(e.Index))).ToList());
    }

    /// <summary>Apportions in proportion to <paramref name="caps"/>, at least one per non-empty item, never above its cap.</summary>
    static int[] ApportionCapped(int total, int[] caps)
    {
        if (caps.Sum() < total) throw new InvalidOperationException("not enough workers to anchor the employers");
        var shares = caps.Select(c => c > 0 ? 1 : 0).ToArray();
        while (shares.Sum() < total)
        {
            var room = caps.Select((c, i) => c - shares[i]).ToArray();
            var extra = Apportion(total - shares.Sum(), room.Select(r => (double)Math.Max(r, 0)).ToArray());
            for (var i = 0; i < shares.Length; i++) shares[i] += Math.Min(extra[i], Math.Max(room[i], 0));
        }
        return shares;
    }
}
