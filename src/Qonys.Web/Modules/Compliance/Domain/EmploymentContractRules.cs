using System.Globalization;
using Qonys.Web.Modules.Registry.Contracts;

namespace Qonys.Web.Modules.Compliance.Domain;

/// <summary>
/// The checks of an employment contract as the register reports it (the <c>contract_registered</c> payload's fields, the
/// contracts import's columns): problems are named by the payload's fields, the passport's as the caller names them (the
/// import's columns flatten it into <c>workerPassportNumber</c>, <c>workerPassportCountry</c>).
/// </summary>
internal static class EmploymentContractRules
{
    public const long MaxMonthlySalaryKzt = 1_000_000_000;

    /// <summary>
    /// The contract the fields describe, or null with a problem per unacceptable field added; the passport's fields are named
    /// as the caller shows them (the payload's <c>workerPassport.number</c>, the file's <c>workerPassportNumber</c>).
    /// </summary>
    public static EmploymentContract? Check(ValidationErrors errors, ContractFields f, ReferenceSnapshot refs,
        string passportNumberField = "workerPassport.number", string passportCountryField = "workerPassport.country")
    {
        if (string.IsNullOrWhiteSpace(f.ContractId)) errors.Add("contractId", "is required");
        else if (f.ContractId.Length > 64) errors.Add("contractId", "must be at most 64 characters");
        if (IdentificationNumbers.Problem(f.EmployerBin) is { } binProblem) errors.Add("employerBin", "BIN " + binProblem);
        if (f.WorkerIin is null && f.WorkerPassportNumber is null && f.WorkerPassportCountry is null)
            errors.Add("workerIin", "the worker needs an IIN or a passport (number and country)");
        if (f.WorkerIin is not null && IdentificationNumbers.Problem(f.WorkerIin) is { } iinProblem) errors.Add("workerIin", "IIN " + iinProblem);
        if (f.WorkerPassportNumber is not null || f.WorkerPassportCountry is not null)
        {
            if (string.IsNullOrWhiteSpace(f.WorkerPassportNumber)) errors.Add(passportNumberField, "is required with a passport");
            else if (f.WorkerPassportNumber.Length > 20) errors.Add(passportNumberField, "must be at most 20 characters");
            if (string.IsNullOrWhiteSpace(f.WorkerPassportCountry)) errors.Add(passportCountryField, "is required with a passport");
            else if (!refs.Countries.ContainsKey(f.WorkerPassportCountry))
                errors.Add(passportCountryField, $"'{f.WorkerPassportCountry}' is not a country code (ISO 3166-1 alpha-2)");
        }
        if (string.IsNullOrWhiteSpace(f.Position)) errors.Add("position", "is required");
        else if (f.Position.Length > 200) errors.Add("position", "must be at most 200 characters");
        if (string.IsNullOrWhiteSpace(f.OccupationCode)) errors.Add("occupationCode", "is required");
        else if (refs.Occupations.GetValueOrDefault(f.OccupationCode) is not { Level: "unit" })
            errors.Add("occupationCode", $"'{f.OccupationCode}' is not an occupation of the classifier (a 4-digit NKZ/ISCO-08 unit group)");
        long salary = 0;
        if (string.IsNullOrWhiteSpace(f.MonthlySalaryKzt)) errors.Add("monthlySalaryKzt", "is required");
        else if (!long.TryParse(f.MonthlySalaryKzt, NumberStyles.None, CultureInfo.InvariantCulture, out salary) || salary > MaxMonthlySalaryKzt)
            errors.Add("monthlySalaryKzt", $"must be a whole number of tenge, zero to {MaxMonthlySalaryKzt:N0}");
        var startOn = Date(errors, "startOn", f.StartOn, required: true);
        var endOn = Date(errors, "endOn", f.EndOn, required: false);
        if (startOn is { } s && endOn is { } e && e < s) errors.Add("endOn", "is before startOn");
        if (string.IsNullOrWhiteSpace(f.WorkRegionCode)) errors.Add("workRegionCode", "is required");
        else if (!refs.Regions.ContainsKey(f.WorkRegionCode))
            errors.Add("workRegionCode", $"'{f.WorkRegionCode}' is not a region code (ISO 3166-2:KZ, e.g. KZ-35)");
        if (errors.Any) return null;
        return new EmploymentContract
        {
            ContractId = f.ContractId!, EmployerBin = f.EmployerBin!, WorkerIin = f.WorkerIin, WorkerPassportNumber = f.WorkerPassportNumber,
            WorkerPassportCountry = f.WorkerPassportCountry, Position = f.Position!, OccupationCode = f.OccupationCode!, MonthlySalaryKzt = salary,
            StartOn = startOn!.Value, EndOn = endOn, WorkRegionCode = f.WorkRegionCode!,
        };
    }

    static DateOnly? Date(ValidationErrors errors, string field, string? value, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) errors.Add(field, "is required (YYYY-MM-DD)");
            return null;
        }
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return day;
        errors.Add(field, $"'{value}' is not a date (YYYY-MM-DD)");
        return null;
    }
}

/// <summary>A contract's fields as text, before they are checked (an import record's columns, an event's payload).</summary>
internal sealed record ContractFields(
    string? ContractId, string? EmployerBin, string? WorkerIin, string? WorkerPassportNumber, string? WorkerPassportCountry,
    string? Position, string? OccupationCode, string? MonthlySalaryKzt, string? StartOn, string? EndOn, string? WorkRegionCode);
