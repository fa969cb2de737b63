using Qonys.Web.Platform.Reference;

namespace Qonys.Tests.Platform.Import;

/// <summary>A small reference snapshot for the import's row checks: two regions, two countries, two OKED sections, one unit group.</summary>
internal static class ImportTestReferences
{
    public static ReferenceSnapshot Snapshot() => new(
        new Dictionary<string, Region> { ["KZ-75"] = new() { Code = "KZ-75" }, ["KZ-35"] = new() { Code = "KZ-35" } },
        new Dictionary<string, Country> { ["CN"] = new() { Alpha2 = "CN" }, ["UZ"] = new() { Alpha2 = "UZ" } },
        new Dictionary<string, OkedSection> { ["A"] = new() { Code = "A" }, ["F"] = new() { Code = "F" } },
        new Dictionary<string, Occupation>
        {
            ["7112"] = new() { Code = "7112", Level = "unit", MajorGroup = "7" }, ["7"] = new() { Code = "7", Level = "major", MajorGroup = "7" },
        },
        new Dictionary<string, List<RuleValue>>(), new WorkingCalendar([]), new Dictionary<(string Region, string MajorGroup), RegionalWage>(),
        new FeeTable([], []));
}
