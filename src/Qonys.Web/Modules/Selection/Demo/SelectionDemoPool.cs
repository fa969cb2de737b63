using Microsoft.EntityFrameworkCore;
using Qonys.Web.Modules.Selection.Domain;
using Qonys.Web.Modules.Selection.Scorecards;
using Qonys.Web.Platform.Demo;

namespace Qonys.Web.Modules.Selection.Demo;

/// <summary>
/// The demo candidate pool: <see cref="Size"/> synthetic candidates from a fixed seed, registered by an agency (no
/// accounts), with profile timestamps spread over the first quarter of 2026 (fixed dates, not the clock). Occupations
/// come from ISCO major groups 2, 3, 7 and 8 only, so tests can run rounds on other occupations without the demo pool.
/// Loaded with the demo set on a demo start, into an empty candidate table; its own seed, not the set's random stream;
/// fixed ids, so a scaled load (benchmarks) leaves it out.
/// </summary>
internal sealed class SelectionDemoPool(AppDb db, AuditLog audit, TimeProvider clock) : IDemoDataContributor
{
    public const int Size = 3000;
    public const int Seed = 20260401;
    public static readonly string[] DemoMajorGroups = ["2", "3", "7", "8"];

    static readonly string[] Citizenships = ["UZ", "KG", "TJ", "RU", "CN", "TR", "IN", "AZ", "BY", "MN"];
    static readonly string[] Education = ["secondary", "vocational", "vocational", "bachelor", "bachelor", "master", "doctorate", "none"];
    static readonly string[] Levels = ["none", "A1", "A2", "B1", "B2", "C1", "C2"];
    static readonly string[] Regions = ["KZ-35", "KZ-71", "KZ-75", "KZ-55", "KZ-63", "KZ-23", "KZ-59", "KZ-15", "KZ-39", "KZ-79"];
    static readonly string[] Names = ["Alisher", "Bakyt", "Chen", "Dilnoza", "Emre", "Farrukh", "Gulnara", "Hasan", "Indira", "Jamshid", "Kamila", "Li", "Murat", "Nodira", "Oksana", "Pavel", "Rustam", "Sanjar", "Timur", "Umida"];
    static readonly string[] Surnames = ["Abdullaev", "Bekova", "Wang", "Yildiz", "Karimov", "Sharma", "Ivanova", "Aliyev", "Petrov", "Tursunova", "Batbayar", "Zhukov"];

    public string Name => "selection: candidate pool";
    public int Order => 600;
    public bool Scales => false;

    public Task<bool> IsLoadedAsync(AppDb database, CancellationToken ct) => database.Set<Candidate>().AnyAsync(ct);

    public async Task ContributeAsync(DemoContext context, CancellationToken ct)
    {
        var occupations = await db.Set<Occupation>().AsNoTracking().Where(o => o.Level == "unit" && DemoMajorGroups.Contains(o.MajorGroup))
            .OrderBy(o => o.Code).Select(o => o.Code).ToListAsync(ct);
        if (occupations.Count == 0) return;
        var random = new Random(Seed);
        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var now = clock.GetUtcNow().UtcDateTime;
        for (var i = 0; i < Size; i++)
        {
            var hasOffer = random.NextDouble() < 0.55;
            db.Add(new Candidate
            {
                Id = DemoId(i),
                FullName = $"{Names[random.Next(Names.Length)]} {Surnames[random.Next(Surnames.Length)]} (demo)",
                BirthDate = new DateOnly(1966, 1, 1).AddDays(random.Next(0, 365 * 38)),
                Citizenship = Citizenships[random.Next(Citizenships.Length)],
                Education = Education[random.Next(Education.Length)],
                ExperienceYears = random.Next(0, 21),
                KazakhLevel = Levels[Math.Min(random.Next(7), random.Next(7))],
                RussianLevel = Levels[Math.Max(random.Next(7), random.Next(7))],
                EnglishLevel = Levels[random.Next(7)],
                OccupationCode = occupations[random.Next(occupations.Count)],
                JobOfferRegionCode = hasOffer ? Regions[random.Next(Regions.Length)] : null,
                OfferedMonthlySalaryKzt = hasOffer ? 150_000 + random.Next(0, 95) * 10_000 : null,
                // Whole minutes over 90 days: some candidates share a timestamp, as real bulk registrations do.
                ProfileAt = start.AddMinutes(random.Next(0, 90 * 24 * 60)),
                Channel = CandidateChannel.Agency, CreatedBy = Guid.Empty, CreatedAt = now,
            });
        }
        audit.Record(Actor.System, SelectionAuditEvents.DemoPoolLoaded, null, null, new { candidates = Size, seed = Seed });
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>Deterministic ids (the seed's pool is the same in every demo database).</summary>
    static Guid DemoId(int i) => new($"00000000-0000-7000-8000-{i:D12}");
}
