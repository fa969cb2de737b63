using Qonys.Tests.Platform.Import;
using Qonys.Web.Modules.Compliance.Domain;
using Qonys.Web.Platform.UseCases;

namespace Qonys.Tests.Compliance;

/// <summary>The checks of a contract as the register reports it (the contracts import, the contract_registered payload).</summary>
public sealed class EmploymentContractRulesTests
{
    static readonly ContractFields Valid = new("C-1", "900101300017", null, "E1234567", "CN", "Bricklayer", "7112", "350000", "2026-01-15",
        "2026-12-31", "KZ-75");

    static (EmploymentContract? Contract, IDictionary<string, string[]> Errors) Check(ContractFields fields)
    {
        var errors = new ValidationErrors();
        var contract = EmploymentContractRules.Check(errors, fields, ImportTestReferences.Snapshot(), "workerPassportNumber", "workerPassportCountry");
        return (contract, errors.ToDictionary());
    }

    [Fact]
    public void A_valid_contract_becomes_the_registers_row()
    {
        var (contract, errors) = Check(Valid);
        errors.ShouldBeEmpty();
        contract.ShouldNotBeNull();
        contract.MonthlySalaryKzt.ShouldBe(350_000);
        contract.StartOn.ShouldBe(new DateOnly(2026, 1, 15));
        contract.EndOn.ShouldBe(new DateOnly(2026, 12, 31));
        contract.WorkerPassportCountry.ShouldBe("CN");
        Check(Valid with { WorkerPassportNumber = null, WorkerPassportCountry = null, WorkerIin = "900101300017", EndOn = null }).Errors.ShouldBeEmpty();
    }

    // Keyed "field#n": the field each case must name (the cases are internal types, so the theory takes the key).
    static readonly Dictionary<string, ContractFields> InvalidCases = new()
    {
        ["contractId#0"] = Valid with { ContractId = null },
        ["contractId#1"] = Valid with { ContractId = new string('c', 65) },
        ["employerBin#2"] = Valid with { EmployerBin = "900101300018" },
        ["workerIin#3"] = Valid with { WorkerPassportNumber = null, WorkerPassportCountry = null },
        ["workerIin#4"] = Valid with { WorkerIin = "12345" },
        ["workerPassportCountry#5"] = Valid with { WorkerPassportCountry = "XX" },
        ["workerPassportNumber#6"] = Valid with { WorkerPassportNumber = null },
        ["position#7"] = Valid with { Position = "" },
        ["occupationCode#8"] = Valid with { OccupationCode = "7" }, // a major group, not a unit group
        ["occupationCode#9"] = Valid with { OccupationCode = "9999" },
        ["monthlySalaryKzt#10"] = Valid with { MonthlySalaryKzt = "-5" },
        ["monthlySalaryKzt#11"] = Valid with { MonthlySalaryKzt = "12.5" },
        ["startOn#12"] = Valid with { StartOn = "2026-13-01" },
        ["endOn#13"] = Valid with { EndOn = "2025-12-31" },
        ["workRegionCode#14"] = Valid with { WorkRegionCode = "KZ-00" },
    };

    public static TheoryData<string> Invalid => [.. InvalidCases.Keys];

    [Theory, MemberData(nameof(Invalid))]
    public void An_invalid_field_is_named_and_no_row_made(string key)
    {
        var field = key[..key.IndexOf('#')];
        var (contract, errors) = Check(InvalidCases[key]);
        contract.ShouldBeNull();
        errors.Keys.ShouldBe([field]);
    }
}
