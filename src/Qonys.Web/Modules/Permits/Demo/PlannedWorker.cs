namespace Qonys.Web.Modules.Permits.Demo;

/// <summary>A foreign worker of the demo workforce plan: labels, presence on the published dates, the employer's plan index.</summary>
internal sealed class PlannedWorker(string category, string citizenship, string section)
{
    public string Category { get; } = category;
    public string Citizenship { get; } = citizenship;
    public string Section { get; } = section;
    public WorkerPresence Presence { get; set; }
    public int Employer { get; set; } = -1;
}
