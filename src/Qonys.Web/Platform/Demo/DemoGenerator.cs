using System.Globalization;
using Qonys.Web.Modules.Compliance.Domain;
using Qonys.Web.Modules.Permits.Domain;
using Qonys.Web.Modules.Registry.Domain;
using Qonys.Web.Platform.Reference;
using static Qonys.Web.Platform.Demo.DemoFigures;

namespace Qonys.Web.Platform.Demo;

/// <summary>How to generate: the seed, which copy (fresh BINs and numbers per copy) and the day statuses are judged on.</summary>
public sealed record DemoOptions
{
    public int Seed { get; init; } = DemoGenerator.DefaultSeed;
    /// <summary>0 for the demo set itself (it holds the demo employer); 1, 2, … for the copies of a scaled load.</summary>
    public int Copy { get; init; }
    /// <summary>Permits whose validity ended before this day are "expired", the others "active". Figures do not depend on it.</summary>
    public DateOnly StatusAsOf { get; init; } = new(2025, 9, 1);
}

/// <summary>
/// The synthetic demo data set, generated from a seed, pure (no clock, no I/O) and reproducible. It builds the foreign
/// workers valid on 2025-03-01 with the published marginals, then the leavers and joiners up to 2025-05-01 and
/// 2025-08-01 so that every published figure of those dates comes out exactly (see docs/demo-data.md), places them at
/// employers of their OKED section, and derives applications, case histories, permits, the quota ledger and offences;
/// last, the household labour immigrants' permits valid on 2025-10-01 as published, with a few before and after.
/// </summary>
public static class DemoGenerator
{
    public const int DefaultSeed = 20250301;
    /// <summary>Employers whose foreign workers all leave between March and August.</summary>
    const int MarchOnlyEmployers = 130;
    const double AffinityNoise = 2.5;

    enum Presence { ThroughAll, MarchOnly, MarchAndMay, MayAndAugust, MayOnly, AugustOnly }

    sealed class Draft(string category, string citizenship, string section)
    {
        public string Category { get; } = category;
        public string Citizenship { get; } = citizenship;
        public string Section { get; } = section;
        public Presence Presence { get; set; }
        public int Employer { get; set; } = -1;
    }

    sealed class EmployerDraft(int index, string section)
    {
        public int Index { get; } = index;
        public string Section { get; } = section;
        public string Region { get; set; } = "";
        public double Weight { get; set; }
        public bool IsDemo { get; set; }
    }

    public static DemoRecords Generate(DemoOptions options)
    {
        var rng = new Random(options.Seed);
        var drafts = Workers(rng);
        var employers = AssignEmployers(drafts, options, rng);
        var records = new DemoRecords();
        AddEmployers(records, drafts, employers, options, rng);
        AddApplications(records, drafts, options, rng);
        AddQuotas(records);
        AddOffences(records, rng);
        AddHouseholdPermits(records, options, rng);
        return records;
    }

    // ---- workers: March with exact marginals, then leavers and joiners -------------------------------------------------

    static List<Draft> Workers(Random rng)
    {
        var march = Compose(
            Labels(OnMarch.Total, OnMarch.Categories, [], rng),
            Labels(OnMarch.Total, OnMarch.Citizenships, DemoVocabulary.AllCountries, rng),
            Labels(OnMarch.Total, OnMarch.Sections, DemoVocabulary.AllSections, rng), rng);
        foreach (var d in march) d.Presence = Presence.ThroughAll;

        foreach (var d in ChooseLeavers(march, OnMay, rng)) d.Presence = Presence.MarchOnly;
        var stayed = march.Where(d => d.Presence == Presence.ThroughAll).ToList();
        var joinedByMay = Joiners(stayed, OnMay, rng);
        foreach (var d in joinedByMay) d.Presence = Presence.MayAndAugust;

        var may = stayed.Concat(joinedByMay).ToList();
        foreach (var d in ChooseLeavers(may, OnAugust, rng))
            d.Presence = d.Presence == Presence.ThroughAll ? Presence.MarchAndMay : Presence.MayOnly;
        var stayedToAugust = may.Where(d => d.Presence is Presence.ThroughAll or Presence.MayAndAugust).ToList();
        var joinedByAugust = Joiners(stayedToAugust, OnAugust, rng);
        foreach (var d in joinedByAugust) d.Presence = Presence.AugustOnly;
        return [.. march, .. joinedByMay, .. joinedByAugust];
    }

    /// <summary>
    /// A label list of <paramref name="total"/> entries: the named counts, and the remainder spread over the other labels
    /// of <paramref name="universe"/> in proportion to their weights (largest remainders).
    /// </summary>
    static List<string> Labels(int total, IReadOnlyDictionary<string, int> named, (string Code, double Weight)[] universe, Random rng)
    {
        var labels = new List<string>(total);
        foreach (var (label, count) in named) labels.AddRange(Enumerable.Repeat(label, count));
        var others = universe.Where(u => !named.ContainsKey(u.Code)).ToArray();
        var rest = total - labels.Count;
        if (rest < 0 || (rest > 0 && others.Length == 0)) throw new InvalidOperationException("named counts do not fit the total");
        var shares = Apportion(rest, others.Select(o => o.Weight).ToArray());
        for (var i = 0; i < others.Length; i++) labels.AddRange(Enumerable.Repeat(others[i].Code, shares[i]));
        Shuffle(labels, rng);
        return labels;
    }

    /// <summary>
    /// Zips three label lists into workers: seasonal work paired with agriculture first (as far as both go), and
    /// citizenship loosely correlated with the category (seasonal and skilled work from Central Asia, ICT from China,
    /// India and Turkey) through noisy sort keys. Every list keeps its exact counts.
    /// </summary>
    static List<Draft> Compose(List<string> categories, List<string> citizenships, List<string> sections, Random rng)
    {
        var cats = categories.OrderBy(c => c == PermitCategory.Seasonal ? 0 : 1).ToList();
        var secs = sections.OrderBy(s => s == "A" ? 0 : 1).ToList();
        var pairs = cats.Zip(secs).ToList();
        Shuffle(pairs, rng);
        var orderedPairs = pairs.Select(p => (Pair: p, Key: CategoryAffinity(p.First) + rng.NextDouble() * AffinityNoise))
            .OrderBy(x => x.Key).Select(x => x.Pair).ToList();
        var orderedCits = citizenships.Select(c => (Code: c, Key: CitizenshipAffinity(c) + rng.NextDouble() * AffinityNoise))
            .OrderBy(x => x.Key).Select(x => x.Code).ToList();
        var drafts = orderedPairs.Zip(orderedCits, (p, c) => new Draft(p.First, c, p.Second)).ToList();
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
    static List<Draft> ChooseLeavers(List<Draft> population, WorkerTargets next, Random rng)
    {
        var leaving = population.Select(d => rng.NextDouble() < LeaveRate(d.Category)).ToArray();
        EnforceCeiling(population, leaving, d => d.Category, next.Categories, next.Total, rng);
        EnforceCeiling(population, leaving, d => d.Citizenship, next.Citizenships, next.Total, rng);
        EnforceCeiling(population, leaving, d => d.Section, next.Sections, next.Total, rng);
        return population.Where((_, i) => leaving[i]).ToList();
    }

    static void EnforceCeiling(List<Draft> population, bool[] leaving, Func<Draft, string> label, IReadOnlyDictionary<string, int> named,
        int total, Random rng)
    {
        const string Other = "*";
        string Bucket(Draft d) => named.ContainsKey(label(d)) ? label(d) : Other;
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
    static List<Draft> Joiners(List<Draft> stayers, WorkerTargets target, Random rng)
    {
        var count = target.Total - stayers.Count;
        return Compose(
            JoinLabels(stayers, d => d.Category, target.Categories, [], count, rng),
            JoinLabels(stayers, d => d.Citizenship, target.Citizenships, DemoVocabulary.AllCountries, count, rng),
            JoinLabels(stayers, d => d.Section, target.Sections, DemoVocabulary.AllSections, count, rng), rng);
    }

    static List<string> JoinLabels(List<Draft> stayers, Func<Draft, string> label, IReadOnlyDictionary<string, int> named,
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
    static List<EmployerDraft> AssignEmployers(List<Draft> drafts, DemoOptions options, Random rng)
    {
        var steadyTotal = OnMarch.Employers!.Value - MarchOnlyEmployers;
        var newTotal = OnAugust.Employers!.Value - steadyTotal;
        var sections = drafts.Select(d => d.Section).Distinct().Order(StringComparer.Ordinal).ToArray();
        int[] CountPer(params Presence[] kinds) => sections.Select(s => drafts.Count(d => d.Section == s && kinds.Contains(d.Presence))).ToArray();
        var steadyPer = ApportionCapped(steadyTotal, CountPer(Presence.ThroughAll));
        var marchOnlyPer = ApportionCapped(MarchOnlyEmployers, CountPer(Presence.MarchOnly, Presence.MarchAndMay));
        var newPer = ApportionCapped(newTotal, CountPer(Presence.MayAndAugust, Presence.AugustOnly));

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
            Place(inSection.Where(d => d.Presence == Presence.ThroughAll).ToList(), steady, steady, rng);
            Place(inSection.Where(d => d.Presence is Presence.MarchOnly or Presence.MarchAndMay).ToList(), marchOnly, [.. steady, .. marchOnly], rng);
            Place(inSection.Where(d => d.Presence is Presence.MayAndAugust or Presence.AugustOnly).ToList(), fresh, [.. steady, .. fresh], rng);
            var mayOnly = inSection.Where(d => d.Presence == Presence.MayOnly).ToList();
            var pool = steady.Concat(marchOnly).Concat(fresh).ToList();
            if (pool.Count == 0 && mayOnly.Count > 0) pool = Make(1);
            Place(mayOnly, [], pool, rng);
        }

        foreach (var e in employers) e.Region = RegionFor(e.Section, rng);
        if (options.Copy == 0) MakeDemoEmployer(drafts, employers);
        return employers;
    }

    /// <summary>Each anchor employer gets one worker first; the rest go to the pool by weight (a few large employers, many small).</summary>
    static void Place(List<Draft> workers, List<EmployerDraft> anchors, List<EmployerDraft> pool, Random rng)
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
        var favoured = DemoVocabulary.SectionRegions.GetValueOrDefault(section) ?? [];
        var weights = DemoVocabulary.RegionalSplit2025.Select(r => r.Places * (favoured.Contains(r.Code) ? 3.0 : 1.0)).ToArray();
        var pick = rng.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length; i++)
            if ((pick -= weights[i]) < 0) return DemoVocabulary.RegionalSplit2025[i].Code;
        return DemoVocabulary.RegionalSplit2025[^1].Code;
    }

    /// <summary>
    /// The demo employer (Karaganda, construction) is the steady construction employer with the fewest workers, topped up
    /// to seven from the largest one (which keeps hundreds) — enough for a demo, few enough to read.
    /// </summary>
    static void MakeDemoEmployer(List<Draft> drafts, List<EmployerDraft> employers)
    {
        var byEmployer = drafts.GroupBy(d => d.Employer).ToDictionary(g => g.Key, g => g.ToList());
        var steadyF = employers.Where(e => e.Section == "F" && byEmployer[e.Index].Any(d => d.Presence == Presence.ThroughAll)).ToList();
        var demo = steadyF.MinBy(e => byEmployer[e.Index].Count)!;
        var largest = steadyF.MaxBy(e => byEmployer[e.Index].Count)!;
        demo.Region = "KZ-35";
        demo.IsDemo = true;
        var moving = byEmployer[largest.Index]
            .Where(d => d.Presence is Presence.ThroughAll or Presence.MayAndAugust && d.Category is PermitCategory.Specialists or PermitCategory.SkilledWorkers)
            .Take(Math.Max(0, 7 - byEmployer[demo.Index].Count)).ToList();
        foreach (var d in moving) d.Employer = demo.Index;
    }

    static void AddEmployers(DemoRecords records, List<Draft> drafts, List<EmployerDraft> employers, DemoOptions options, Random rng)
    {
        var marchForeign = new int[employers.Count];
        var augustForeign = new int[employers.Count, 4];
        foreach (var d in drafts)
        {
            if (d.Presence is Presence.ThroughAll or Presence.MarchOnly or Presence.MarchAndMay) marchForeign[d.Employer]++;
            if (d.Presence is Presence.ThroughAll or Presence.MayAndAugust or Presence.AugustOnly && PermitCategory.StaffCategory(d.Category) is { } c)
                augustForeign[d.Employer, c - 1]++;
        }
        var workersOf = drafts.GroupBy(d => d.Employer).ToDictionary(g => g.Key, g => g.Count());

        // Citizens: about 27.6 per foreign worker (96.5 % of staff), varied per employer, then scaled so that the
        // employers using foreign labour on 2025-03-01 have exactly round(13,584 × 96.5 / 3.5) = 374,530 citizens.
        var ratio = (double)(CitizenSharePercentMarch / (100 - CitizenSharePercentMarch));
        var raw = employers.Select(e => Math.Max(1, marchForeign[e.Index] > 0 ? marchForeign[e.Index] : workersOf.GetValueOrDefault(e.Index)) * ratio
                                        * Math.Exp(Normal(rng) * 0.35)).ToArray();
        var citizensTarget = (int)Math.Round(OnMarch.Total * ratio);
        var marchEmployers = employers.Where(e => marchForeign[e.Index] > 0).Select(e => e.Index).ToArray();
        var scaled = Apportion(citizensTarget, marchEmployers.Select(i => raw[i]).ToArray());
        var citizens = raw.Select(r => (int)Math.Round(r)).ToArray();
        for (var k = 0; k < marchEmployers.Length; k++) citizens[marchEmployers[k]] = scaled[k];

        foreach (var e in employers)
        {
            var c = Math.Max(citizens[e.Index], 1);
            int c1 = Math.Max(1, (int)Math.Round(c * 0.03)), c2 = (int)Math.Round(c * 0.10), c3 = (int)Math.Round(c * 0.32);
            var c4 = Math.Max(0, c - c1 - c2 - c3);
            var isDemo = e.IsDemo;
            var stems = DemoVocabulary.EmployerStems.GetValueOrDefault(e.Section) ?? ["Steppe Services"];
            var stem = stems[rng.Next(stems.Length)];
            var serial = options.Copy * 5000 + e.Index;
            var created = new DateTime(2015, 1, 1, 9, 0, 0, DateTimeKind.Utc).AddDays(rng.Next(3500));
            records.Employers.Add(new Employer
            {
                Bin = isDemo ? DemoAccounts.DemoEmployerBin : Bin(serial, rng),
                Name = isDemo ? "TOO Qaragandy Qurylys (demo)" : $"{(rng.Next(10) == 0 ? "AO" : "TOO")} {stem} {serial:D4}",
                RegionCode = e.Region, OkedSection = e.Section,
                Citizens = new StaffCounts { Cat1 = c1, Cat2 = c2, Cat3 = c3, Cat4 = c4 },
                Foreigners = new StaffCounts
                {
                    Cat1 = augustForeign[e.Index, 0], Cat2 = augustForeign[e.Index, 1], Cat3 = augustForeign[e.Index, 2], Cat4 = augustForeign[e.Index, 3],
                },
                IsSmallBusiness = c + workersOf.GetValueOrDefault(e.Index) < 50, IsBranchOffice = false,
                CreatedAt = created, UpdatedAt = created,
            });
        }
    }

    /// <summary>A valid BIN: registration year and month, 4 (a resident legal entity), a six-digit serial, the check digit.</summary>
    static string Bin(int serial, Random rng)
    {
        int year = rng.Next(25), month = rng.Next(12);
        for (var t = 0; ; t++)
        {
            var first = $"{(year + t / 12) % 25:D2}{(month + t) % 12 + 1:D2}4{serial:D6}";
            if (IdentificationNumber.Complete(first) is { } bin) return bin;
        }
    }

    // ---- applications, histories, permits ------------------------------------------------------------------------------

    static void AddApplications(DemoRecords records, List<Draft> drafts, DemoOptions options, Random rng)
    {
        var permitSerial = options.Copy * 1_000_000;
        foreach (var group in drafts.GroupBy(d => (d.Employer, d.Category, d.Presence)).OrderBy(g => g.Key.Employer)
                     .ThenBy(g => g.Key.Category, StringComparer.Ordinal).ThenBy(g => g.Key.Presence))
        {
            var employer = records.Employers[group.Key.Employer];
            var members = group.ToList();
            var maxSize = group.Key.Category == PermitCategory.Seasonal ? 8 : 4;
            for (var start = 0; start < members.Count;)
            {
                var size = Math.Min(members.Count - start, 1 + rng.Next(maxSize));
                var application = Application(employer, group.Key.Category, group.Key.Presence, members.GetRange(start, size), rng);
                records.Applications.Add(application);
                foreach (var w in application.Workers)
                    records.Permits.Add(PermitFor(application, w, employer, permitSerial++, options.StatusAsOf));
                start += size;
            }
        }
    }

    static PermitApplication Application(Employer employer, string category, Presence presence, List<Draft> workers, Random rng)
    {
        var (from, _, months) = Validity(presence, category, rng);
        var ict = category == PermitCategory.Ict;
        var approved = ict ? from : from.AddDays(-1 - rng.Next(8));
        var submitted = approved.AddDays(-3 - rng.Next(13));
        var id = NewGuid(rng);
        var fee = DemoVocabulary.Fee(category, employer.OkedSection, months, submitted);
        var a = new PermitApplication
        {
            Id = id, EmployerBin = employer.Bin, RegionCode = employer.RegionCode, Category = category,
            OccupationCode = DemoVocabulary.Occupation(category, employer.OkedSection, rng), OkedSection = employer.OkedSection,
            WorkerCount = workers.Count, Months = months, MonthlySalaryKzt = DemoVocabulary.Salary(category, rng),
            VacancyPublishedOn = ict ? null : submitted.AddDays(-16 - rng.Next(30)),
            SendingCountry = ict ? workers[0].Citizenship : null,
            SubmittedOn = submitted, QuotaYear = submitted.Year, HoldsQuota = PermitCategory.HasQuota(category),
            FeeMci = fee.Rate.FeeMci, FeeKzt = (long)fee.Rate.FeeMci * DemoVocabulary.Mci(submitted.Year), FeeRuleVersion = fee.Version,
            DecisionDueOn = submitted.AddDays(15), FeeDueOn = ict ? null : approved.AddDays(10),
            Status = ict ? ApplicationStatus.Approved : ApplicationStatus.FeePaid,
            ChecksJson = DemoChecks, CreatedAt = At(submitted, rng),
        };
        a.Workers = workers.Select((w, i) => new ApplicationWorker
        {
            Id = NewGuid(rng), ApplicationId = id, Position = i + 1, FullName = DemoVocabulary.FullName(w.Citizenship, rng),
            PassportNumber = DemoVocabulary.PassportNumber(w.Citizenship, rng), Citizenship = w.Citizenship,
            BirthDate = new DateOnly(category is PermitCategory.Heads or PermitCategory.DivisionHeads ? 1965 + rng.Next(23) : 1970 + rng.Next(33), 1, 1)
                .AddDays(rng.Next(365)),
            Education = DemoVocabulary.Education(category, rng),
        }).ToList();
        a.History.Add(Entry(id, 1, a.CreatedAt, "Employer", CaseActionType.Submit, null, ApplicationStatus.Submitted));
        a.History.Add(Entry(id, 2, At(approved, rng), "Officer", CaseActionType.Approve, ApplicationStatus.Submitted, ApplicationStatus.Approved));
        if (!ict) a.History.Add(Entry(id, 3, At(from, rng), "Employer", CaseActionType.PayFee, ApplicationStatus.Approved, ApplicationStatus.FeePaid));
        return a;
    }

    /// <summary>The checks column of a demo application says plainly that no check was evaluated.</summary>
    const string DemoChecks =
        """[{"rule":"demo_record","outcome":"not_applicable","detail":"demo record: synthetic data of the demo data set; the automatic checks were not evaluated","ruleVersion":"-"}]""";

    static CaseAction Entry(Guid application, int seq, DateTime at, string role, string action, string? from, string to) => new()
    {
        ApplicationId = application, Seq = seq, At = at, ActorRole = role, Action = action, FromStatus = from, ToStatus = to,
    };

    static Permit PermitFor(PermitApplication a, ApplicationWorker w, Employer employer, int serial, DateOnly statusAsOf)
    {
        var issued = DateOnly.FromDateTime(a.History[1].At);
        var from = a.Category == PermitCategory.Ict ? issued : DateOnly.FromDateTime(a.History[2].At);
        var until = from.AddMonths(a.Months).AddDays(-1);
        return new Permit
        {
            Number = $"{employer.RegionCode[3..]}-{issued.Year}-D{Base32(serial, 7)}", ApplicationId = a.Id, WorkerId = w.Id,
            EmployerBin = employer.Bin, RegionCode = employer.RegionCode, Category = a.Category, OccupationCode = a.OccupationCode,
            OkedSection = a.OkedSection, Citizenship = w.Citizenship, IssuedOn = issued, ValidFrom = from, ValidUntil = until,
            Status = until < statusAsOf ? PermitStatus.Expired : PermitStatus.Active,
        };
    }

    /// <summary>
    /// A validity (first day, last day, months) that makes a permit valid on exactly the dates its presence says:
    /// last day = first day + months − 1 day, months at most the category's maximum.
    /// </summary>
    static (DateOnly From, DateOnly Until, int Months) Validity(Presence presence, string category, Random rng)
    {
        var past = March.AddMonths(-36);
        var future = August.AddMonths(36);
        var (fromLo, fromHi, untilLo, untilHi) = presence switch
        {
            Presence.ThroughAll => (past, March, August, future),
            Presence.MarchOnly => (past, March, March, May.AddDays(-1)),
            Presence.MarchAndMay => (past, March, May, August.AddDays(-1)),
            Presence.MayAndAugust => (March.AddDays(1), May, August, future),
            Presence.MayOnly => (March.AddDays(1), May, May, August.AddDays(-1)),
            _ => (May.AddDays(1), August, August, future),
        };
        var preferred = DemoVocabulary.Terms(category).ToArray();
        Shuffle(preferred, rng);
        foreach (var months in preferred.Concat(Enumerable.Range(1, DemoVocabulary.MaxTerm(category))))
        {
            var lo = Max(fromLo, untilLo.AddDays(1).AddMonths(-months).AddDays(-3));
            var hi = Min(fromHi, untilHi.AddDays(1).AddMonths(-months).AddDays(3));
            for (var attempt = 0; lo <= hi && attempt < 20; attempt++)
            {
                var from = lo.AddDays(rng.Next(hi.DayNumber - lo.DayNumber + 1));
                var until = from.AddMonths(months).AddDays(-1);
                if (until >= untilLo && until <= untilHi) return (from, until, months);
            }
        }
        throw new InvalidOperationException($"no validity fits {presence} for category {category}");
    }

    // ---- quota ledger ----------------------------------------------------------------------------------------------------

    /// <summary>
    /// 2025: the published caps by category, split by region in proportion to the regional split; a region whose demo
    /// permits of 2025 exceed its share takes places from the regions with the most room (the category total stays).
    /// 2026: <see cref="DemoFigures.Quota2026Total"/> split by category like 2025 and by region like 2025; nothing used yet.
    /// </summary>
    static void AddQuotas(DemoRecords records)
    {
        var regions = DemoVocabulary.RegionalSplit2025;
        var regionWeights = regions.Select(r => (double)r.Places).ToArray();
        var used = records.Applications.Where(a => a.HoldsQuota && a.QuotaYear == 2025)
            .GroupBy(a => (a.RegionCode, a.Category)).ToDictionary(g => g.Key, g => g.Sum(a => a.WorkerCount));
        foreach (var (category, cap) in Quota2025ByCategory)
        {
            var caps = Apportion(cap, regionWeights);
            var usedHere = regions.Select(r => used.GetValueOrDefault((r.Code, category))).ToArray();
            if (usedHere.Sum() > cap) throw new InvalidOperationException($"demo permits of 2025 exceed the category {category} quota");
            for (var i = 0; i < caps.Length; i++)
            {
                while (usedHere[i] > caps[i])
                {
                    var donor = Enumerable.Range(0, caps.Length).MaxBy(j => caps[j] - usedHere[j]);
                    caps[donor]--;
                    caps[i]++;
                }
            }
            for (var i = 0; i < caps.Length; i++)
                records.Quotas.Add(new QuotaLedger { Year = 2025, RegionCode = regions[i].Code, Category = category, Cap = caps[i], Used = usedHere[i] });
        }
        var byCategory = Apportion(Quota2026Total, Quota2025ByCategory.Values.Select(v => (double)v).ToArray());
        var k = 0;
        foreach (var category in Quota2025ByCategory.Keys)
        {
            var caps = Apportion(byCategory[k++], regionWeights);
            for (var i = 0; i < caps.Length; i++)
                records.Quotas.Add(new QuotaLedger { Year = 2026, RegionCode = regions[i].Code, Category = category, Cap = caps[i] });
        }
    }

    // ---- offences --------------------------------------------------------------------------------------------------------

    /// <summary>
    /// What each offender type was found to have done (an assumption: provision | business size | overstay days), exact
    /// counts; the first entry of a type takes the rest of that type's published count. The counts are chosen so that the
    /// fixed fines of the Code's scale leave the published total to Art. 518 p.2 repeat fines of businesses (a range).
    /// </summary>
    static readonly Dictionary<string, (string Label, int Count)[]> OffenceMix = new()
    {
        [OffenderTypes.ForeignNational] = [("517.without_permit||0", 0), ("517.basic||0", 30), ("517.overstay||4", 10), ("517.overstay||2", 6)],
        [OffenderTypes.Individual] = [("518.1||0", 0), ("518.2||0", 40), ("519.1||0", 40)],
        [OffenderTypes.Official] = [("518.1||0", 0)],
        [OffenderTypes.IndividualEntrepreneur] = [("518.1|small|0", 0), ("519.1|small|0", 30), ("518.2|small|0", 8)],
        [OffenderTypes.LegalEntity] =
        [
            ("518.1|small|0", 0), ("518.1|medium|0", 150), ("518.1|large|0", 60), ("518.1|non_profit|0", 20),
            ("519.1|small|0", 60), ("519.1|medium|0", 40), ("519.1|large|0", 10),
            ("518.2|small|0", 45), ("518.2|medium|0", 15), ("518.2|large|0", 5),
        ],
    };

    /// <summary>
    /// 1,600 offences committed 2025-01-01..2025-05-31 with the published regional and offender-type counts; each one's
    /// sanction from the Code's scale (<see cref="OffenceFines"/> over the shipped rule values in force on the day), the
    /// Art. 518 p.2 business fines (a range) moved by whole MCI until the fines sum to <see cref="DemoFigures.FinesImposedKzt"/>;
    /// collections (paid in full in a random order, one partly) summing to exactly <see cref="DemoFigures.FinesCollectedKzt"/>.
    /// </summary>
    static void AddOffences(DemoRecords records, Random rng)
    {
        var otherRegions = DemoVocabulary.OtherOffenceRegions;
        var regions = Labels(OffencesTotal, OffencesByRegion, otherRegions, rng);
        var rest = OffencesTotal - OffendersByType.Values.Sum();
        var types = Labels(OffencesTotal, new Dictionary<string, int>(OffendersByType)
        {
            ["legal_entity"] = rest * 57 / 100, ["individual"] = rest - rest * 57 / 100,
        }, [], rng);
        var found = OffenceMix.ToDictionary(m => m.Key, m => new Queue<string>(Labels(types.Count(t => t == m.Key),
            m.Value.Skip(1).ToDictionary(e => e.Label, e => e.Count), [(m.Value[0].Label, 1)], rng)));
        var rules = ReferenceSeeder.ShippedRuleValues().GroupBy(r => r.Key).ToDictionary(g => g.Key, g => g.ToList());
        var employersByRegion = records.Employers.Where(e => e.Bin != DemoAccounts.DemoEmployerBin)
            .GroupBy(e => e.RegionCode).ToDictionary(g => g.Key, g => g.ToList());
        var days = OffencesTo.DayNumber - OffencesFrom.DayNumber + 1;
        var offences = new List<(Offence Offence, Sanction Sanction)>(OffencesTotal);
        for (var i = 0; i < OffencesTotal; i++)
        {
            var type = types[i];
            var what = found[type].Dequeue().Split('|');
            var size = what[1].Length == 0 ? null : what[1];
            var committed = OffencesFrom.AddDays(rng.Next(days));
            var sanction = OffenceFines.For(new OffenceFacts(what[0], type, size, int.Parse(what[2], CultureInfo.InvariantCulture)),
                key => ReferenceData.ValueOn(rules.GetValueOrDefault(key), committed));
            if (sanction.Kind is not (SanctionKind.Fine or SanctionKind.Warning))
                throw new InvalidOperationException($"the demo mix holds {what[0]} for {type}, which the scale does not fine: {sanction.Detail}");
            var bin = type == "legal_entity" && employersByRegion.TryGetValue(regions[i], out var local) ? local[rng.Next(local.Count)].Bin : null;
            offences.Add((new Offence
            {
                Id = NewGuid(rng), Article = OffenceProvisions.ArticleOf(what[0]), Provision = what[0], OffenderType = type,
                OffenderSize = size, OffenderBin = bin, RegionCode = regions[i], CommittedOn = committed,
                RecordedOn = committed.AddDays(rng.Next(11)), FineMci = sanction.MinMci, FineRuleVersion = sanction.RuleVersion,
            }, sanction));
        }
        AdjustFines(offences, rng);
        Collect(offences.Select(o => o.Offence).ToList(), rng);
        records.Offences.AddRange(offences.Select(o => o.Offence));
    }

    /// <summary>Moves the fines that are a range (Art. 518 p.2 of businesses), by whole MCI within the range, until the total is exact.</summary>
    static void AdjustFines(List<(Offence Offence, Sanction Sanction)> offences, Random rng)
    {
        var targetMci = (int)(FinesImposedKzt / Mci2025);
        var adjustable = offences.Where(o => o.Sanction.MaxMci > o.Sanction.MinMci).ToList();
        var diff = targetMci - offences.Sum(o => o.Offence.FineMci);
        if (diff < 0 || diff > adjustable.Sum(o => o.Sanction.MaxMci - o.Sanction.MinMci))
            throw new InvalidOperationException($"the demo offence mix cannot impose {targetMci} MCI ({diff} MCI left to ranged fines)");
        while (diff > 0)
        {
            var (o, sanction) = adjustable[rng.Next(adjustable.Count)];
            var step = Math.Min(Math.Min(diff, 5), sanction.MaxMci - o.FineMci);
            o.FineMci += step;
            diff -= step;
        }
        foreach (var (o, _) in offences) o.FineKzt = (long)o.FineMci * Mci2025;
    }

    static void Collect(List<Offence> offences, Random rng)
    {
        var order = offences.ToArray();
        Shuffle(order, rng);
        var left = FinesCollectedKzt;
        foreach (var o in order)
        {
            if (o.FineKzt == 0)
            {
                o.Status = OffenceStatus.Warned; // a warning: nothing to collect
                o.ResolvedOn = o.RecordedOn;
            }
            else if (left >= o.FineKzt)
            {
                o.CollectedKzt = o.FineKzt;
                o.Status = rng.Next(5) == 0 ? OffenceStatus.Collected : OffenceStatus.Paid;
                o.ResolvedOn = o.RecordedOn.AddDays(5 + rng.Next(56));
                left -= o.FineKzt;
            }
            else
            {
                o.CollectedKzt = left; // the one fine paid in part; the rest stay open and unpaid
                o.Status = OffenceStatus.Open;
                left = 0;
            }
        }
    }

    // ---- household labour immigrants ---------------------------------------------------------------------------------

    enum HouseholdValidity { OnOctober, EndedBefore, StartsAfter }

    /// <summary>
    /// Household permits: exactly <see cref="DemoFigures.OnOctober"/> valid on 2025-10-01 with the published Uzbek count
    /// (the rest of the citizenships by weight, largest remainders), plus a fixed number that ended before and that start
    /// after that day (citizenships in the same proportions). The permits are shuffled and dealt to households of 1–5
    /// workers with fresh synthetic IINs, so no IIN ever holds more than five; each active permit takes slot 1..n of its
    /// household, an expired one none. Terms 1–12 months, prepaid tax 4 MCI a month at the MCI of the issue year.
    /// </summary>
    static void AddHouseholdPermits(DemoRecords records, DemoOptions options, Random rng)
    {
        var target = OnOctober;
        var kinds = new List<(HouseholdValidity Kind, string Citizenship)>();
        void Add(HouseholdValidity kind, int count)
        {
            var named = target.Citizenships.ToDictionary(c => c.Key, c => count == target.Total
                ? c.Value
                : (int)Math.Round((double)count * c.Value / target.Total, MidpointRounding.AwayFromZero));
            kinds.AddRange(Labels(count, named, DemoVocabulary.HouseholdOtherCountries, rng).Select(c => (kind, c)));
        }
        Add(HouseholdValidity.OnOctober, target.Total);
        Add(HouseholdValidity.EndedBefore, HouseholdPermitsEndedBefore);
        Add(HouseholdValidity.StartsAfter, HouseholdPermitsStartingAfter);
        Shuffle(kinds, rng);

        using var iins = HouseholdIins(options.Copy).GetEnumerator();
        var serial = options.Copy * 1_000_000;
        for (var next = 0; next < kinds.Count;)
        {
            var size = Math.Min(Pick(DemoVocabulary.HouseholdSizes, rng), kinds.Count - next);
            iins.MoveNext();
            var iin = iins.Current;
            var region = Pick(DemoVocabulary.HouseholdRegions, rng);
            for (var position = 1; position <= size; position++, next++)
            {
                var (kind, citizenship) = kinds[next];
                var months = Pick(DemoVocabulary.HouseholdTerms, rng);
                var from = HouseholdValidFrom(kind, months, rng);
                var until = from.AddMonths(months).AddDays(-1);
                var (taxMci, taxKzt) = HouseholdRules.PrepaidTax(months, DemoVocabulary.HouseholdPrepaidTaxMciPerMonth, DemoVocabulary.Mci(from.Year));
                var active = until >= options.StatusAsOf;
                records.HouseholdPermits.Add(new HouseholdPermit
                {
                    Number = $"HH-{from.Year}-D{Base32(serial++, 7)}", EmployerIin = iin, EmployerSlot = active ? position : null, RegionCode = region,
                    WorkerFullName = DemoVocabulary.FullName(citizenship, rng), WorkerPassportNumber = DemoVocabulary.PassportNumber(citizenship, rng),
                    WorkerCitizenship = citizenship, WorkerBirthDate = new DateOnly(1965 + rng.Next(40), 1, 1).AddDays(rng.Next(365)),
                    Months = months, IssuedOn = from, ValidFrom = from, ValidUntil = until, PrepaidTaxMci = taxMci, PrepaidTaxKzt = taxKzt,
                    MciYear = from.Year, Status = active ? HouseholdPermitStatus.Active : HouseholdPermitStatus.Expired, CreatedAt = At(from, rng),
                });
            }
        }
    }

    /// <summary>
    /// The first day (= the issue day) of a household permit of <paramref name="months"/> so that it is valid on 2025-10-01,
    /// ended before it, or starts after it (issued by the end of 2025). A random day is tried first; the fallback always fits.
    /// </summary>
    static DateOnly HouseholdValidFrom(HouseholdValidity kind, int months, Random rng)
    {
        var day = October;
        var (lo, hi, fallback) = kind switch
        {
            HouseholdValidity.OnOctober => (day.AddMonths(-months).AddDays(1), day, day),
            HouseholdValidity.EndedBefore => (Max(new DateOnly(2024, 1, 1), day.AddMonths(-months - 9)), day.AddMonths(-months).AddDays(-1),
                day.AddMonths(-months - 1)),
            _ => (day.AddDays(1), new DateOnly(2025, 12, 31), day.AddDays(1)),
        };
        var from = lo.AddDays(rng.Next(hi.DayNumber - lo.DayNumber + 1));
        var until = from.AddMonths(months).AddDays(-1);
        var fits = kind switch
        {
            HouseholdValidity.OnOctober => from <= day && day <= until,
            HouseholdValidity.EndedBefore => until < day,
            _ => from > day,
        };
        return fits ? from : fallback;
    }

    /// <summary>
    /// Synthetic household employers' IINs: born 1950–1999 (century digit 3 or 4), serial from 5000, a valid check digit.
    /// Candidate j maps one-to-one to (birth day, century digit, serial), and copy k starts at j = 300,000 × k, so no two
    /// households of any copy share an IIN.
    /// </summary>
    static IEnumerable<string> HouseholdIins(int copy)
    {
        var first = new DateOnly(1950, 1, 1);
        var days = new DateOnly(2000, 1, 1).DayNumber - first.DayNumber;
        for (var j = copy * 300_000L; ; j++)
        {
            var born = first.AddDays((int)(j * 7919 % days)); // 7919 is prime and does not divide 18,262 days: a permutation
            var century = 3 + j / days % 2;
            var serial = 5000 + j / (2 * days);
            if (IdentificationNumber.Complete(born.ToString("yyMMdd", CultureInfo.InvariantCulture) + century + serial.ToString("D4", CultureInfo.InvariantCulture))
                is { } iin)
                yield return iin;
        }
    }

    // ---- small tools -----------------------------------------------------------------------------------------------------

    /// <summary>Largest-remainder apportionment of <paramref name="total"/> in proportion to <paramref name="weights"/>.</summary>
    static int[] Apportion(int total, double[] weights)
    {
        var sum = weights.Sum();
        var exact = weights.Select(w => sum == 0 ? 0 : total * w / sum).ToArray();
        var shares = exact.Select(e => (int)Math.Floor(e)).ToArray();
        foreach (var i in Enumerable.Range(0, weights.Length).OrderByDescending(i => exact[i] - shares[i]).ThenBy(i => i).Take(total - shares.Sum()))
            shares[i]++;
        return shares;
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

    static void Shuffle<T>(IList<T> list, Random rng)
    {
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = rng.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
    }

    /// <summary>A value drawn in proportion to its weight.</summary>
    static T Pick<T>((T Value, double Weight)[] choices, Random rng)
    {
        var pick = rng.NextDouble() * choices.Sum(c => c.Weight);
        foreach (var (value, weight) in choices)
            if ((pick -= weight) < 0) return value;
        return choices[^1].Value;
    }

    static double Normal(Random rng) => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    static Guid NewGuid(Random rng)
    {
        Span<byte> bytes = stackalloc byte[16];
        rng.NextBytes(bytes);
        bytes[7] = (byte)(bytes[7] & 0x0F | 0x40); // version 4 (random), as System.Guid lays its bytes out
        bytes[8] = (byte)(bytes[8] & 0x3F | 0x80);
        return new Guid(bytes);
    }

    static DateTime At(DateOnly day, Random rng) => day.ToDateTime(new TimeOnly(3 + rng.Next(10), rng.Next(60)), DateTimeKind.Utc);

    static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
    static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    static string Base32(int value, int width)
    {
        Span<char> chars = stackalloc char[width];
        for (var i = width - 1; i >= 0; i--, value /= 32) chars[i] = Alphabet[value % 32];
        return new string(chars);
    }
}
