using Qonys.Web.Modules.Compliance.Demo;
using Qonys.Web.Modules.Compliance.Domain;
using Qonys.Web.Modules.Permits.Demo;
using Qonys.Web.Modules.Permits.Domain;
using Qonys.Web.Modules.Registry.Demo;
using Qonys.Web.Modules.Registry.Domain;
using Qonys.Web.Platform.Demo;

namespace Qonys.Tests.Platform.Demo;

/// <summary>
/// One copy of the demo data set as the contributors of the published figures write it, run in memory through
/// <see cref="DemoLoad"/> with a writer that keeps the rows (the Selection pool reads the database and is left out).
/// </summary>
internal sealed class InMemoryDemoSet
{
    /// <summary>The day statuses are judged on in these tests.</summary>
    public static readonly DateOnly StatusAsOf = new(2025, 9, 1);

    static readonly Lazy<InMemoryDemoSet> DefaultSet = new(() => Generate());

    /// <summary>The demo set of the default seed (built once for all tests).</summary>
    public static InMemoryDemoSet Default => DefaultSet.Value;

    readonly RecordingWriter writer;

    InMemoryDemoSet(RecordingWriter writer, IReadOnlyList<KeyValuePair<string, long>> counts) => (this.writer, Counts) = (writer, counts);

    /// <summary>The rows written, by the names of the load's audit entry.</summary>
    public IReadOnlyList<KeyValuePair<string, long>> Counts { get; }
    public List<Employer> Employers => writer.Rows<Employer>();
    /// <summary>Applications with their <see cref="PermitApplication.Workers"/> and <see cref="PermitApplication.History"/> filled in.</summary>
    public List<PermitApplication> Applications => writer.Rows<PermitApplication>();
    public List<Permit> Permits => writer.Rows<Permit>();
    public List<QuotaLedger> Quotas => writer.Rows<QuotaLedger>();
    public List<Offence> Offences => writer.Rows<Offence>();
    public List<HouseholdPermit> HouseholdPermits => writer.Rows<HouseholdPermit>();

    public static InMemoryDemoSet Generate(int seed = DemoLoad.DefaultSeed, int copy = 0)
    {
        // In any order: the load runs them by their Order, as it does in the application.
        IDemoDataContributor[] contributors =
            [new HouseholdPermitsDemoData(), new OffencesDemoData(), new PermitsDemoData(), new EmployersDemoData(), new ForeignWorkforceDemoPlan()];
        var writer = new RecordingWriter();
        var load = new DemoLoad(writer, StatusAsOf);
        load.RunCopyAsync(contributors, seed, copy, isLastCopy: true, CancellationToken.None).GetAwaiter().GetResult();
        return new InMemoryDemoSet(writer, [.. load.Counts.ByName]);
    }

    sealed class RecordingWriter : IDemoBulkWriter
    {
        readonly Dictionary<Type, object> tables = [];

        public List<T> Rows<T>() => tables.TryGetValue(typeof(T), out var rows) ? (List<T>)rows : [];

        public Task<int> WriteAsync<T>(IEnumerable<T> rows, CancellationToken ct) where T : class
        {
            if (!tables.TryGetValue(typeof(T), out var table)) tables[typeof(T)] = table = new List<T>();
            var list = (List<T>)table;
            var before = list.Count;
            list.AddRange(rows);
            return Task.FromResult(list.Count - before);
        }
    }
}
