namespace Qonys.IntegrationTests.Infrastructure;

/// <summary>The demo accounts of API.md.</summary>
public static class Demo
{
    public const string Admin = "admin@demo.qonys.kz";
    public const string Analyst = "analyst@demo.qonys.kz";
    public const string Auditor = "auditor@demo.qonys.kz";
    public const string OfficerKaraganda = "officer.karaganda@demo.qonys.kz";
    public const string OfficerAstana = "officer.astana@demo.qonys.kz";
    public const string InspectorKaraganda = "inspector.karaganda@demo.qonys.kz";
    public const string Employer = "employer@demo.qonys.kz";
    public const string Applicant = "applicant@demo.qonys.kz";

    static int _counter = Random.Shared.Next(1000, 9000);

    /// <summary>A fresh valid BIN (12 digits with a correct check digit) for a test's own employer.</summary>
    public static string NewBin()
    {
        while (true)
        {
            var n = Interlocked.Increment(ref _counter);
            var first = "2501" + (n % 10_000_000).ToString("D7");
            if (Qonys.Web.Modules.Registry.Domain.IdentificationNumber.Complete(first) is { } bin) return bin;
        }
    }
}
