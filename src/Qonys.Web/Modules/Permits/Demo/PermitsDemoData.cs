using Microsoft.EntityFrameworkCore;
using Qonys.Web.Modules.Permits.Domain;
using Qonys.Web.Platform.Demo;
using static Qonys.Web.Modules.Permits.Demo.PermitsDemoFigures;
using static Qonys.Web.Platform.Demo.DemoRandom;

namespace Qonys.Web.Modules.Permits.Demo;

/// <summary>
/// The planned foreign workers' applications (1–4 workers each, seasonal up to 8), case histories and permits, at the
/// registry's demo employers (<see cref="DemoEmployers"/>), and the quota ledger of 2025 and 2026: summed over the copies
/// of a scaled load and written with the last one, leaving out the ledger rows the database already holds.
/// </summary>
internal sealed class PermitsDemoData : IDemoDataContributor
{
    public string Name => "permits: applications, permits and quota ledger";
    public int Order => 300;

    public Task<bool> IsLoadedAsync(AppDb db, CancellationToken ct) => db.Set<PermitApplication>().AnyAsync(ct);

    public async Task ContributeAsync(DemoContext context, CancellationToken ct)
    {
        var workers = context.Get<ForeignWorkforce>().Workers;
        var employers = context.Get<DemoEmployers>().Employers;
        var applications = new List<PermitApplication>();
        var permits = new List<Permit>();
        AddApplications(applications, permits, workers, employers, context.Copy, context.Today, context.Random);
        await context.WriteAsync("applications", applications, ct);
        await context.WriteAsync("workers", applications.SelectMany(a => a.Workers), ct);
        await context.WriteAsync("caseActions", applications.SelectMany(a => a.History), ct);
        await context.WriteAsync("permits", permits, ct);

        var ledger = context.Carried<QuotaSums>().Rows;
        foreach (var q in Quotas(applications))
        {
            var key = (q.Year, q.RegionCode, q.Category);
            if (!ledger.TryGetValue(key, out var sum))
                ledger[key] = sum = new QuotaLedger { Year = q.Year, RegionCode = q.RegionCode, Category = q.Category };
            sum.Cap += q.Cap;
            sum.Used += q.Used;
            sum.Reserved += q.Reserved;
        }
        if (!context.IsLastCopy) return;
        foreach (var k in await context.StoredAsync<QuotaLedger>(ct)) ledger.Remove((k.Year, k.RegionCode, k.Category));
        await context.WriteAsync("quotaRows", ledger.Values, ct);
    }

    /// <summary>The quota ledger summed over the copies of a load, in the order its rows were first made.</summary>
    sealed class QuotaSums
    {
        public Dictionary<(int Year, string RegionCode, string Category), QuotaLedger> Rows { get; } = [];
    }

    // ---- applications, histories, permits ------------------------------------------------------------------------------

    static void AddApplications(List<PermitApplication> applications, List<Permit> permits, IReadOnlyList<PlannedWorker> drafts,
        IReadOnlyList<DemoEmployers.Employer> employers, int copy, DateOnly statusAsOf, Random rng)
    {
        var permitSerial = copy * 1_000_000;
        foreach (var group in drafts.GroupBy(d => (d.Employer, d.Category, d.Presence)).OrderBy(g => g.Key.Employer)
                     .ThenBy(g => g.Key.Category, StringComparer.Ordinal).ThenBy(g => g.Key.Presence))
        {
            var employer = employers[group.Key.Employer];
            var members = group.ToList();
            var maxSize = group.Key.Category == PermitCategory.Seasonal ? 8 : 4;
            for (var start = 0; start < members.Count;)
            {
                var size = Math.Min(members.Count - start, 1 + rng.Next(maxSize));
                var application = Application(employer, group.Key.Category, group.Key.Presence, members.GetRange(start, size), rng);
                applications.Add(application);
                foreach (var w in application.Workers)
                    permits.Add(PermitFor(application, w, employer, permitSerial++, statusAsOf));
                start += size;
            }
        }
    }

    static PermitApplication Application(DemoEmployers.Employer employer, string category, WorkerPresence presence, List<PlannedWorker> workers,
        Random rng)
    {
        var (from, _, months) = Validity(presence, category, rng);
        var ict = category == PermitCategory.Ict;
        var approved = ict ? from : from.AddDays(-1 - rng.Next(8));
        var submitted = approved.AddDays(-3 - rng.Next(13));
        var id = NewGuid(rng);
        var fee = PermitsDemoVocabulary.Fee(category, employer.OkedSection, months, submitted);
        var a = new PermitApplication
        {
            Id = id, EmployerBin = employer.Bin, RegionCode = employer.RegionCode, Category = category,
            OccupationCode = PermitsDemoVocabulary.Occupation(category, employer.OkedSection, rng), OkedSection = employer.OkedSection,
            WorkerCount = workers.Count, Months = months, MonthlySalaryKzt = PermitsDemoVocabulary.Salary(category, rng),
            VacancyPublishedOn = ict ? null : submitted.AddDays(-16 - rng.Next(30)),
            SendingCountry = ict ? workers[0].Citizenship : null,
            SubmittedOn = submitted, QuotaYear = submitted.Year, HoldsQuota = PermitCategory.HasQuota(category),
            FeeMci = fee.Rate.FeeMci, FeeKzt = (long)fee.Rate.FeeMci * DemoFigures.Mci(submitted.Year), FeeRuleVersion = fee.Version,
            DecisionDueOn = submitted.AddDays(15), FeeDueOn = ict ? null : approved.AddDays(10),
            Status = ict ? ApplicationStatus.Approved : ApplicationStatus.FeePaid,
            ChecksJson = DemoChecks, CreatedAt = At(submitted, rng),
        };
        a.Workers = workers.Select((w, i) => new ApplicationWorker
        {
            Id = NewGuid(rng), ApplicationId = id, Position = i + 1, FullName = PermitsDemoVocabulary.FullName(w.Citizenship, rng),
            PassportNumber = PermitsDemoVocabulary.PassportNumber(w.Citizenship, rng), Citizenship = w.Citizenship,
            BirthDate = new DateOnly(category is PermitCategory.Heads or PermitCategory.DivisionHeads ? 1965 + rng.Next(23) : 1970 + rng.Next(33), 1, 1)
                .AddDays(rng.Next(365)),
            Education = PermitsDemoVocabulary.Education(category, rng),
        }).ToList();
        a.History.Add(Entry(id, 1, a.CreatedAt, "Employer", CaseActionType.Submit, null, ApplicationStatus.Submitted));
        a.History.Add(Entry(id, 2, At(approved, rng), "Officer", CaseActionType.Approve, ApplicationStatus.Submitted, ApplicationStatus.Approved));
        if (!ict) a.History.Add(Entry(id, 3, At(from, rng), Roles.IntegrationClient, CaseActionType.PayFee, ApplicationStatus.Approved, ApplicationStatus.FeePaid));
        return a;
    }

    /// <summary>The checks column of a demo application says plainly that no check was evaluated.</summary>
    const string DemoChecks =
        """[{"rule":"demo_record","outcome":"not_applicable","detail":"demo record: synthetic data of the demo data set; the automatic checks were not evaluated","ruleVersion":"-"}]""";

    static CaseAction Entry(Guid application, int seq, DateTime at, string role, string action, string? from, string to) => new()
    {
        ApplicationId = application, Seq = seq, At = at, ActorRole = role, Action = action, FromStatus = from, ToStatus = to,
    };

    static Permit PermitFor(PermitApplication a, ApplicationWorker w, DemoEmployers.Employer employer, int serial, DateOnly statusAsOf)
    {
        var issued = DateOnly.FromDateTime(a.History[1].At);
        var from = a.Category == PermitCategory.Ict ? issued : DateOnly.FromDateTime(a.History[2].At);
        var until = from.AddMonths(a.Months).AddDays(-1);
        return new Permit
        {
            Number = $"{employer.RegionCode[3..]}-{issued.Year}-D{DemoNumbers.Base32(serial, 7)}", ApplicationId = a.Id, WorkerId = w.Id,
            EmployerBin = employer.Bin, RegionCode = employer.RegionCode, Category = a.Category, OccupationCode = a.OccupationCode,
            OkedSection = a.OkedSection, Citizenship = w.Citizenship, IssuedOn = issued, ValidFrom = from, ValidUntil = until,
            Status = until < statusAsOf ? PermitStatus.Expired : PermitStatus.Active,
        };
    }

    /// <summary>
    /// A validity (first day, last day, months) that makes a permit valid on exactly the dates its presence says:
    /// last day = first day + months − 1 day, months at most the category's maximum.
    /// </summary>
    static (DateOnly From, DateOnly Until, int Months) Validity(WorkerPresence presence, string category, Random rng)
    {
        var past = March.AddMonths(-36);
        var future = August.AddMonths(36);
        var (fromLo, fromHi, untilLo, untilHi) = presence switch
        {
            WorkerPresence.ThroughAll => (past, March, August, future),
            WorkerPresence.MarchOnly => (past, March, March, May.AddDays(-1)),
            WorkerPresence.MarchAndMay => (past, March, May, August.AddDays(-1)),
            WorkerPresence.MayAndAugust => (March.AddDays(1), May, August, future),
            WorkerPresence.MayOnly => (March.AddDays(1), May, May, August.AddDays(-1)),
            _ => (May.AddDays(1), August, August, future),
        };
        var preferred = PermitsDemoVocabulary.Terms(category).ToArray();
        Shuffle(preferred, rng);
        foreach (var months in preferred.Concat(Enumerable.Range(1, PermitsDemoVocabulary.MaxTerm(category))))
        {
            var lo = DemoNumbers.Max(fromLo, untilLo.AddDays(1).AddMonths(-months).AddDays(-3));
            var hi = DemoNumbers.Min(fromHi, untilHi.AddDays(1).AddMonths(-months).AddDays(3));
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
    /// 2026: <see cref="PermitsDemoFigures.Quota2026Total"/> split by category like 2025 and by region like 2025; nothing used yet.
    /// </summary>
    static List<QuotaLedger> Quotas(List<PermitApplication> applications)
    {
        var quotas = new List<QuotaLedger>();
        var regions = PermitsDemoVocabulary.RegionalSplit2025;
        var regionWeights = regions.Select(r => (double)r.Places).ToArray();
        var used = applications.Where(a => a.HoldsQuota && a.QuotaYear == 2025)
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
                quotas.Add(new QuotaLedger { Year = 2025, RegionCode = regions[i].Code, Category = category, Cap = caps[i], Used = usedHere[i] });
        }
        var byCategory = Apportion(Quota2026Total, Quota2025ByCategory.Values.Select(v => (double)v).ToArray());
        var k = 0;
        foreach (var category in Quota2025ByCategory.Keys)
        {
            var caps = Apportion(byCategory[k++], regionWeights);
            for (var i = 0; i < caps.Length; i++)
                quotas.Add(new QuotaLedger { Year = 2026, RegionCode = regions[i].Code, Category = category, Cap = caps[i] });
        }
        return quotas;
    }
}
