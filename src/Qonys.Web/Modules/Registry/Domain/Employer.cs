namespace Qonys.Web.Modules.Registry.Domain;

/// <summary>An organisation (BIN) that employs staff; staff are counted by permit category 1–4.</summary>
internal sealed class Employer
{
    public string Bin { get; set; } = "";
    public string Name { get; set; } = "";
    public string RegionCode { get; set; } = "";
    public string OkedSection { get; set; } = "";
    public StaffCounts Citizens { get; set; } = new();
    public StaffCounts Foreigners { get; set; } = new();
    public bool IsSmallBusiness { get; set; }
    public bool IsBranchOffice { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public int TotalStaff => Citizens.Total + Foreigners.Total;
}

/// <summary>Staff by category: 1 heads and deputies, 2 heads of divisions, 3 specialists, 4 skilled workers.</summary>
internal sealed class StaffCounts
{
    public int Cat1 { get; set; }
    public int Cat2 { get; set; }
    public int Cat3 { get; set; }
    public int Cat4 { get; set; }
    public int Total => Cat1 + Cat2 + Cat3 + Cat4;

    public int this[int category] => category switch { 1 => Cat1, 2 => Cat2, 3 => Cat3, 4 => Cat4, _ => 0 };

    public Dictionary<string, int> ToDictionary() => new() { ["1"] = Cat1, ["2"] = Cat2, ["3"] = Cat3, ["4"] = Cat4 };
}

/// <summary>A natural person: a citizen by IIN, or a foreigner by passport number and country (IIN linked later).</summary>
internal sealed class Person
{
    public Guid Id { get; set; }
    public string? Iin { get; set; }
    public string? PassportNumber { get; set; }
    public string? PassportCountry { get; set; }
    public string FullName { get; set; } = "";
    public DateOnly BirthDate { get; set; }
    public string Sex { get; set; } = "";
    public string Citizenship { get; set; } = "";
    /// <summary>The region of residence the population register reports (its file, or event <c>address_changed</c>); null when not known.</summary>
    public string? RegionCode { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>The registered locality and address as the population register last reported them (event <c>address_changed</c>); null until then.</summary>
    public string? AddressLocality { get; set; }
    public string? Address { get; set; }
    public DateOnly? AddressChangedOn { get; set; }
    /// <summary>The date of death the population register reported (event <c>death_registered</c>); null for the living.</summary>
    public DateOnly? DiedOn { get; set; }
}
