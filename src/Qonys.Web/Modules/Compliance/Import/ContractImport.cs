using Qonys.Web.Modules.Compliance.Domain;
using Qonys.Web.Platform.Import;

namespace Qonys.Web.Modules.Compliance.Import;

/// <summary>
/// The employment-contract register's file: the <c>contract_registered</c> payload's fields, the worker's passport flattened
/// (<see cref="Columns"/>), checked by <see cref="EmploymentContractRules"/>; a known contract id is skipped.
/// </summary>
internal sealed class ContractImport : ImportKind<EmploymentContract>
{
    public override string Name => "contracts";

    public override IReadOnlyList<string> Columns { get; } =
    [
        "contractId", "employerBin", "workerIin", "workerPassportNumber", "workerPassportCountry", "position", "occupationCode",
        "monthlySalaryKzt", "startOn", "endOn", "workRegionCode",
    ];

    public override EmploymentContract? Read(ImportRecord record, ImportContext context, ValidationErrors errors)
    {
        var fields = new ContractFields(record["contractId"], record["employerBin"], record["workerIin"], record["workerPassportNumber"],
            record["workerPassportCountry"], record["position"], record["occupationCode"], record["monthlySalaryKzt"], record["startOn"],
            record["endOn"], record["workRegionCode"]);
        var contract = EmploymentContractRules.Check(errors, fields, context.References, "workerPassportNumber", "workerPassportCountry");
        if (contract is null) return null;
        contract.Source = $"import {Truncate(context.FileName, 150)} line {record.Line}";
        contract.RecordedAt = new DateTimeOffset(context.Now, TimeSpan.Zero);
        return contract;
    }

    static string Truncate(string text, int length) => text.Length > length ? text[..length] : text;
}
