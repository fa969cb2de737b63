namespace Qonys.ArchitectureTests;

/// <summary>
/// The violations the renovation (issue 9) is removing, listed so that the rules run today and no new one can be
/// added: a test fails when a violation appears that is not listed, and when a listed one is gone (remove its line).
/// Both lists end empty.
/// </summary>
internal static class KnownViolations
{
    public static readonly string[] PlatformOnModules =
    [
        "Qonys.Web.Platform.Demo.DemoBulkWriters",
        "Qonys.Web.Platform.Demo.DemoDataSet",
        "Qonys.Web.Platform.Demo.DemoGenerator",
        "Qonys.Web.Platform.Demo.DemoRecords",
        "Qonys.Web.Platform.Demo.DemoTables",
    ];
    public static readonly string[] ModulesThroughWalls = [];
}
