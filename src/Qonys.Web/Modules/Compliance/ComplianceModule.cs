namespace Qonys.Web.Modules.Compliance;

/// <summary>The compliance module: offences and fines (so far only its demo data).</summary>
public static class ComplianceModule
{
    public static void AddComplianceModule(this IServiceCollection services)
    {
        services.AddScoped<Platform.Demo.IDemoDataContributor, Demo.OffencesDemoData>();
    }
}
