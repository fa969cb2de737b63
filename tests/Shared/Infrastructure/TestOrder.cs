using System.Globalization;
using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Qonys.Testing;

/// <summary>
/// The seeded random order of a test run: collections, the classes within each collection and the cases within each
/// class are shuffled, so a test that relies on another's leftovers fails in some run instead of passing by luck.
/// The seed is QONYS_TEST_SEED when set (scripts/test.sh always sets and prints it), else drawn at random; the same
/// seed repeats the same order. Every test project compiles this file (tests/Directory.Build.props).
/// </summary>
internal static class TestOrder
{
    public const string SeedVariable = "QONYS_TEST_SEED";
    public static readonly int Seed = ReadSeed();

    static int ReadSeed()
    {
        var text = Environment.GetEnvironmentVariable(SeedVariable);
        if (string.IsNullOrWhiteSpace(text)) return Random.Shared.Next();
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed)
            ? seed
            : throw new InvalidOperationException($"{SeedVariable}='{text}' is not a whole number");
    }

    /// <summary>
    /// The items in an order that depends only on the seed, the scope and the items' keys, never on the order they
    /// came in (which may differ from one discovery to the next).
    /// </summary>
    public static List<T> Shuffle<T>(IEnumerable<T> items, Func<T, string> key, string scope)
    {
        var list = items.OrderBy(key, StringComparer.Ordinal).ToList();
        var random = new Random(Seed ^ StableHash(scope));
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
        return list;
    }

    /// <summary>FNV-1a: string.GetHashCode differs from process to process.</summary>
    static int StableHash(string text)
    {
        unchecked
        {
            var hash = (int)2166136261;
            foreach (var c in text) hash = (hash ^ c) * 16777619;
            return hash;
        }
    }
}

/// <summary>xunit's own framework, except that the classes of each collection run in the seeded order.</summary>
internal sealed class RandomOrderFramework(IMessageSink messageSink) : XunitTestFramework(messageSink)
{
    protected override ITestFrameworkExecutor CreateExecutor(AssemblyName assemblyName) =>
        new Executor(assemblyName, SourceInformationProvider, DiagnosticMessageSink);

    sealed class Executor(AssemblyName assemblyName, ISourceInformationProvider sourceInformation, IMessageSink diagnostics)
        : XunitTestFrameworkExecutor(assemblyName, sourceInformation, diagnostics)
    {
        protected override async void RunTestCases(IEnumerable<IXunitTestCase> testCases, IMessageSink executionMessageSink,
            ITestFrameworkExecutionOptions executionOptions)
        {
            // Printed by the runner because tests/Shared/xunit.runner.json turns diagnostic messages on.
            DiagnosticMessageSink.OnMessage(new DiagnosticMessage(
                $"test order seed {TestOrder.Seed} (set {TestOrder.SeedVariable}={TestOrder.Seed} to repeat this order)"));
            // A collection runs its classes in the order they first appear among its cases: shuffle whole classes.
            var byClass = TestOrder.Shuffle(testCases.GroupBy(c => c.TestMethod.TestClass.Class.Name), g => g.Key, "classes");
            using var runner = new XunitTestAssemblyRunner(TestAssembly, byClass.SelectMany(g => g).ToList(), DiagnosticMessageSink,
                executionMessageSink, executionOptions);
            await runner.RunAsync();
        }
    }
}

/// <summary>The test collections in the seeded order.</summary>
internal sealed class RandomCollectionOrderer : ITestCollectionOrderer
{
    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        TestOrder.Shuffle(testCollections, c => c.DisplayName, "collections");
}

/// <summary>The cases of one test class in the seeded order.</summary>
internal sealed class RandomCaseOrderer : ITestCaseOrderer
{
    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases) where TTestCase : ITestCase
    {
        var cases = testCases.ToList();
        return cases.Count == 0 ? cases : TestOrder.Shuffle(cases, c => c.UniqueID, "cases of " + cases[0].TestMethod.TestClass.Class.Name);
    }
}
