using Microsoft.EntityFrameworkCore;
using Qonys.Web.Modules.Compliance.Contracts;
using Qonys.Web.Modules.Permits.Domain;
using Qonys.Web.Modules.Registry.Contracts;

namespace Qonys.Web.Modules.Permits.SubmitApplication;

/// <summary>A validated request with the records it refers to.</summary>
internal sealed record ValidatedApplication(PermitApplicationRequest Request, EmployerFacts Employer, Occupation Occupation);

/// <summary>
/// Validates an application request, gathers the facts the checks need, evaluates every check with the rule values in
/// force on the submission date, and prices the fee. Shared by the preview (nothing saved) and the submission. The
/// employer comes from the registry's door, its open offences from the compliance register's.
/// </summary>
internal sealed class PermitAssessment(AppDb db, IEmployerDirectory employers, IOffenceRegister offenceRegister, ReferenceData refs)
{
    public const int MaxWorkersPerApplication = 100;

    public async Task<UseCaseResult<ValidatedApplication>> ValidateAsync(PermitApplicationRequest r, DateOnly today, CancellationToken ct)
    {
        var e = new ValidationErrors();
        if (IdentificationNumbers.Problem(r.EmployerBin) is { } binProblem) e.Add("employerBin", "BIN " + binProblem);
        if (string.IsNullOrWhiteSpace(r.RegionCode)) e.Add("regionCode", "is required");
        else if (!await refs.RegionExistsAsync(r.RegionCode, ct)) e.Add("regionCode", $"'{r.RegionCode}' is not a region code (ISO 3166-2:KZ)");
        if (string.IsNullOrWhiteSpace(r.Category)) e.Add("category", "is required");
        else if (!PermitCategory.IsValid(r.Category)) e.Add("category", $"'{r.Category}' is not a category; use one of {string.Join(", ", PermitCategory.All)}");
        Occupation? occupation = null;
        if (string.IsNullOrWhiteSpace(r.OccupationCode)) e.Add("occupationCode", "is required");
        else if ((occupation = await refs.OccupationAsync(r.OccupationCode, ct)) is null || occupation.Level != "unit")
            e.Add("occupationCode", $"'{r.OccupationCode}' is not an occupation of the classifier (a 4-digit NKZ/ISCO-08 unit group)");
        if (string.IsNullOrWhiteSpace(r.OkedSection)) e.Add("okedSection", "is required");
        else if (!await refs.OkedSectionExistsAsync(r.OkedSection, ct)) e.Add("okedSection", $"'{r.OkedSection}' is not an OKED section (A–U)");
        if (r.WorkerCount is null) e.Add("workerCount", "is required");
        else if (r.WorkerCount is < 1 or > MaxWorkersPerApplication) e.Add("workerCount", $"must be between 1 and {MaxWorkersPerApplication}");
        if (r.Months is null) e.Add("months", "is required");
        else if (r.Months is < 1 or > 36) e.Add("months", "must be between 1 and 36");
        if (r.MonthlySalaryKzt is null) e.Add("monthlySalaryKzt", "is required");
        else if (r.MonthlySalaryKzt is <= 0 or > InputBounds.MaxMonthlySalaryKzt)
            e.Add("monthlySalaryKzt", $"must be a positive amount in KZT, at most {InputBounds.MaxMonthlySalaryKzt}");
        if (r.VacancyPublishedOn > today) e.Add("vacancyPublishedOn", "must not be in the future");
        else if (r.VacancyPublishedOn < today.AddDays(-InputBounds.VacancyPublishedWithinDays))
            e.Add("vacancyPublishedOn", $"must be within the {InputBounds.VacancyPublishedWithinDays} days before today");
        if (r.Category == PermitCategory.Ict)
        {
            if (string.IsNullOrWhiteSpace(r.SendingCountry)) e.Add("sendingCountry", "is required for an intra-corporate transfer");
            else if (await refs.CountryAsync(r.SendingCountry, ct) is null) e.Add("sendingCountry", $"'{r.SendingCountry}' is not an ISO 3166-1 alpha-2 code");
        }
        if (r.Workers is null || r.Workers.Count == 0) e.Add("workers", "list the workers applied for");
        else
        {
            if (r.WorkerCount is { } n && r.Workers.Count != n) e.Add("workers", $"lists {r.Workers.Count} workers but workerCount is {n}");
            for (var i = 0; i < r.Workers.Count; i++)
                await ValidateWorker(r.Workers[i], $"workers[{i}]", today, e, ct);
        }
        if (e.Any) return UseCaseResult<ValidatedApplication>.Invalid(e);

        var employer = await employers.FindAsync(r.EmployerBin!, ct);
        if (employer is null) return UseCaseResult<ValidatedApplication>.Invalid("employerBin", $"no employer with BIN {r.EmployerBin} is registered");
        return UseCaseResult<ValidatedApplication>.Ok(new ValidatedApplication(r, employer, occupation!));
    }

    /// <summary>Validates one worker of a request (also a replacement worker), adding errors under <paramref name="field"/>.</summary>
    public async Task ValidateWorker(WorkerRequest? w, string field, DateOnly today, ValidationErrors e, CancellationToken ct)
    {
        if (w is null) { e.Add(field, "is required"); return; }
        if (string.IsNullOrWhiteSpace(w.FullName)) e.Add(field + ".fullName", "is required");
        else if (w.FullName.Length > 200) e.Add(field + ".fullName", "must be at most 200 characters");
        if (string.IsNullOrWhiteSpace(w.PassportNumber)) e.Add(field + ".passportNumber", "is required");
        else if (w.PassportNumber.Length is < 5 or > 20 || !w.PassportNumber.All(char.IsAsciiLetterOrDigit))
            e.Add(field + ".passportNumber", "must be 5–20 Latin letters and digits");
        if (string.IsNullOrWhiteSpace(w.Citizenship)) e.Add(field + ".citizenship", "is required");
        else if (await refs.CountryAsync(w.Citizenship, ct) is null) e.Add(field + ".citizenship", $"'{w.Citizenship}' is not an ISO 3166-1 alpha-2 code");
        else if (w.Citizenship == "KZ") e.Add(field + ".citizenship", "a citizen of Kazakhstan needs no work permit");
        if (w.BirthDate is null) e.Add(field + ".birthDate", "is required");
        else if (w.BirthDate > today.AddYears(-18)) e.Add(field + ".birthDate", "the worker must be at least 18");
        else if (w.BirthDate < today.AddYears(-80)) e.Add(field + ".birthDate", "is not plausible");
        if (string.IsNullOrWhiteSpace(w.Education)) e.Add(field + ".education", "is required");
        else if (!PermitRules.EducationLevels.Contains(w.Education))
            e.Add(field + ".education", $"must be one of {string.Join(", ", PermitRules.EducationLevels)}");
    }

    public sealed record Assessment(IReadOnlyList<CheckResult> Checks, FeeResponse Fee, int QuotaYear, int? QuotaAvailable);

    public async Task<UseCaseResult<Assessment>> AssessAsync(ValidatedApplication v, DateOnly today, CancellationToken ct)
    {
        var r = v.Request;
        var category = r.Category!;
        var year = today.Year;
        var term = await TermProblemAsync(category, r.Months!.Value, today, ct);
        if (term is not null) return UseCaseResult<Assessment>.Refused("permit_term", term);

        int? available = null;
        if (PermitCategory.HasQuota(category))
        {
            var ledger = await db.Set<QuotaLedger>().AsNoTracking()
                .FirstOrDefaultAsync(q => q.Year == year && q.RegionCode == r.RegionCode && q.Category == category, ct);
            available = ledger?.Available ?? 0;
        }
        var activeIct = category == PermitCategory.Ict
            ? await db.Set<Permit>().CountAsync(p => p.EmployerBin == v.Employer.Bin && p.Category == PermitCategory.Ict &&
                                                    (p.Status == PermitStatus.Active || p.Status == PermitStatus.AwaitingFee), ct)
            : 0;
        var sending = r.SendingCountry is null ? null : await refs.CountryAsync(r.SendingCountry, ct);
        var offences = await offenceRegister.OpenOffencesOfAsync(v.Employer.Bin, ct);
        var salaryShare = await refs.RequireRuleAsync("salary.threshold.percent_of_regional_average", today, ct);
        var wage = await refs.LatestWageAsync(r.RegionCode!, v.Occupation.MajorGroup, ct);

        var facts = new ApplicationFacts
        {
            Category = category, WorkerCount = r.WorkerCount!.Value, Months = r.Months.Value, MonthlySalaryKzt = r.MonthlySalaryKzt!.Value,
            SubmittedOn = today, VacancyPublishedOn = r.VacancyPublishedOn,
            CitizenStaff = [.. v.Employer.CitizenStaff], ForeignStaff = [.. v.Employer.ForeignStaff],
            IsSmallBusiness = v.Employer.IsSmallBusiness, IsBranchOffice = v.Employer.IsBranchOffice,
            QuotaAvailable = available, QuotaLabel = $"the {year} quota of {r.RegionCode}, category {category}",
            ActiveIctPermits = activeIct, SendingCountry = sending?.Alpha2, SendingCountryIsWtoMember = sending?.WtoMember ?? false,
            UnresolvedOffences = offences,
            SalaryThresholdKzt = wage is null ? null : (long)Math.Ceiling(wage.AverageKzt * salaryShare.Value / 100m),
            SalaryThresholdBasis = wage is null ? "" :
                $"{salaryShare.Value:0.##}% of the {wage.Year} average wage of occupation group {wage.MajorGroup} in {wage.RegionCode}",
            WorkerEducations = r.Workers!.Select(w => w.Education!).ToList(),
        };
        var values = new PermitRuleValues(
            await ParameterAsync("local_content.min_citizen_share.cat12", today, ct),
            await ParameterAsync("local_content.min_citizen_share.cat34", today, ct),
            await ParameterAsync("local_content.exempt.branch_max_staff", today, ct),
            await ParameterAsync("local_content.exempt.small_business_max_staff", today, ct),
            await ParameterAsync("ict.max_share_of_citizens", today, ct),
            await ParameterAsync("ict.max_term_months", today, ct),
            await refs.RuleAsync("labour_market_test.min_vacancy_days", today, ct) is { } lmt ? new RuleParameter(lmt.Value, lmt.EffectiveFrom) : null,
            new RuleParameter(salaryShare.Value, salaryShare.EffectiveFrom),
            await refs.RuleAsync("minimum_wage", today, ct) is { } minimumWage ? new RuleParameter(minimumWage.Value, minimumWage.EffectiveFrom) : null);
        var checks = PermitRules.Evaluate(facts, values);
        var fee = await FeeAsync(category, r.OkedSection!, r.Months.Value, today, ct);
        return UseCaseResult<Assessment>.Ok(new Assessment(checks, fee, year, available));
    }

    async Task<RuleParameter> ParameterAsync(string key, DateOnly on, CancellationToken ct)
    {
        var rule = await refs.RequireRuleAsync(key, on, ct);
        return new RuleParameter(rule.Value, rule.EffectiveFrom);
    }

    /// <summary>Permit terms by category (PRODUCT.md §3), as rule values.</summary>
    async Task<string?> TermProblemAsync(string category, int months, DateOnly on, CancellationToken ct)
    {
        var (minKey, maxKey) = category switch
        {
            PermitCategory.Heads => ("permit.term_months.cat1.min", "permit.term_months.cat1.max"),
            PermitCategory.DivisionHeads or PermitCategory.Specialists => (null, "permit.term_months.cat23.max"),
            PermitCategory.SkilledWorkers => (null, "permit.term_months.cat4.max"),
            PermitCategory.Seasonal => (null, "permit.term_months.seasonal.max"),
            _ => ((string?)null, "ict.max_term_months"),
        };
        var max = await refs.RequireRuleAsync(maxKey, on, ct);
        if (months > max.Value) return $"A category {category} permit is issued for at most {max.Value:0} months; {months} requested.";
        if (minKey is not null && await refs.RuleAsync(minKey, on, ct) is { } min && months < min.Value)
            return $"A category {category} permit is issued for at least {min.Value:0} months; {months} requested.";
        return null;
    }

    /// <summary>
    /// The state fee: the rate (MCI) of the category, the OKED section's fee sector group and the narrowest term band
    /// covering the term, in force on the submission date, × the MCI of fees in force that day (docs/rules.md, "Fee").
    /// </summary>
    public async Task<FeeResponse> FeeAsync(string category, string okedSection, int months, DateOnly on, CancellationToken ct)
    {
        var mci = await refs.MciAsync(on, MciPurpose.FinesTaxesAndFees, ct);
        var rate = await refs.FeeRateAsync(category, okedSection, months, on, ct)
            ?? throw new InvalidOperationException($"no fee rate for category {category}, section {okedSection}, {months} months on {on:yyyy-MM-dd}");
        return new FeeResponse(rate.Rate.FeeMci, (long)(rate.Rate.FeeMci * mci.Value), on.Year, mci.Value / 1.0000000000m,
            rate.Unconfirmed || mci.Unconfirmed, rate.Version);
    }
}
