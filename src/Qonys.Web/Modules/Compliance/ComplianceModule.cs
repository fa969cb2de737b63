using Qonys.Web.Modules.Compliance.Contracts;
using Qonys.Web.Modules.Compliance.Contributions;
using Qonys.Web.Modules.Compliance.EmploymentContracts;
using Qonys.Web.Modules.Compliance.Import;
using Qonys.Web.Modules.Compliance.Overstays;
using Qonys.Web.Modules.Compliance.Register;
using Qonys.Web.Modules.Integration.Contracts;
using Qonys.Web.Platform.Import;

namespace Qonys.Web.Modules.Compliance;

/// <summary>
/// Compliance with the foreign-labour rules (PRODUCT.md §2.5): the offence register other modules read through its
/// door, the employment-contract register and the tax and pension payments the state systems report (inbound events),
/// the inspection's list of overstaying workers, and its demo data.
/// </summary>
internal sealed class ComplianceModule : IModule
{
    public const string ContractsRead = "compliance.contracts.read";
    public const string OverstaysRead = "compliance.overstays.read";

    public void AddServices(IServiceCollection services, QonysOptions options)
    {
        services.AddPermission(ContractsRead, Roles.Inspector, Roles.Analyst, Roles.Administrator);
        services.AddPermission(OverstaysRead, Roles.Inspector, Roles.Administrator);
        services.AddScoped<IOffenceRegister, OffenceRegister>();
        services.AddScoped<EmploymentContractList>();
        services.AddScoped<OverstayList>();
        services.AddImportKind<ContractImport>();
        services.AddScoped<Platform.Demo.IDemoDataContributor, Demo.OffencesDemoData>();
        services.AddInboundEventHandler<ContractRegisteredHandler, ContractPayload>("contract_registered",
            "Employment-contract register: a contract was registered (or corrected), keyed by the register's contract id.");
        services.AddInboundEventHandler<ContractTerminatedHandler, ContractPayload>("contract_terminated",
            "Employment-contract register: a contract was terminated (terminatedOn, else endOn, else the day it occurred).");
        services.AddInboundEventHandler<PensionContributionHandler, PensionContributionPayload>("pension_contribution",
            "Pension system: an employer's mandatory pension contribution for a worker and a month.");
        services.AddInboundEventHandler<TaxPaymentHandler, TaxPaymentPayload>("tax_payment",
            "Tax system: a tax an employer paid for a period (for a worker where workerIin is given).");
    }

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapComplianceApi();
}
