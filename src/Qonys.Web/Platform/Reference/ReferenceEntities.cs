using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Qonys.Web.Platform.Reference;

/// <summary>Names in the three languages of the platform.</summary>
internal sealed record LocalizedName(string En, string Kk, string Ru)
{
    public string In(string culture) => culture switch { "kk" => Kk, "ru" => Ru, _ => En };
}

/// <summary>A first-level administrative unit (ISO 3166-2:KZ), valid over a period.</summary>
internal sealed class Region
{
    public string Code { get; set; } = "";
    public string NameEn { get; set; } = "";
    public string NameKk { get; set; } = "";
    public string NameRu { get; set; } = "";
    public string Type { get; set; } = "region";
    public DateOnly ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    public LocalizedName Name => new(NameEn, NameKk, NameRu);
}

internal sealed class Country
{
    public string Alpha2 { get; set; } = "";
    public string Alpha3 { get; set; } = "";
    public string NameEn { get; set; } = "";
    public string NameKk { get; set; } = "";
    public string NameRu { get; set; } = "";
    public bool WtoMember { get; set; }
    public LocalizedName Name => new(NameEn, NameKk, NameRu);
}

/// <summary>An OKED section (NACE Rev.2-compatible letter A–U).</summary>
internal sealed class OkedSection
{
    public string Code { get; set; } = "";
    public string NameEn { get; set; } = "";
    public string NameKk { get; set; } = "";
    public string NameRu { get; set; } = "";
    public LocalizedName Name => new(NameEn, NameKk, NameRu);
}

/// <summary>An occupation of the national classifier NKZ (ISCO-08 compatible): a major group or a unit group.</summary>
internal sealed class Occupation
{
    public string Code { get; set; } = "";
    public string Level { get; set; } = "unit";
    public string MajorGroup { get; set; } = "";
    public string NameEn { get; set; } = "";
    public string NameKk { get; set; } = "";
    public string NameRu { get; set; } = "";
    public bool InDemand { get; set; }
    public LocalizedName Name => new(NameEn, NameKk, NameRu);
}

/// <summary>A non-working (or, for <c>working_saturday</c>, working) calendar day of Kazakhstan.</summary>
internal sealed class CalendarDay
{
    public DateOnly Date { get; set; }
    public string Kind { get; set; } = "";
    public string NameEn { get; set; } = "";
    public string NameKk { get; set; } = "";
    public string NameRu { get; set; } = "";
}

/// <summary>A rule value with its effective period, unit, source and whether the official text confirms it.</summary>
internal sealed class RuleValue
{
    public long Id { get; set; }
    public string Key { get; set; } = "";
    public DateOnly EffectiveFrom { get; set; }
    public DateOnly? EffectiveTo { get; set; }
    public decimal Value { get; set; }
    public string Unit { get; set; } = "";
    public bool Unconfirmed { get; set; }
    public string Source { get; set; } = "";
    public string Note { get; set; } = "";
    public DateTime RecordedAt { get; set; }
}

/// <summary>
/// A rate of the state fee for a permit, in MCI: category × fee sector group (<c>*</c> = every group) × longest term
/// covered, in force from a date until a later rate of the same category and group replaces it.
/// </summary>
internal sealed class PermitFeeRate
{
    public DateOnly EffectiveFrom { get; set; }
    public string Category { get; set; } = "";
    public string SectorGroup { get; set; } = "";
    public int TermMonthsMax { get; set; }
    public int FeeMci { get; set; }
    public bool Unconfirmed { get; set; }
    public string Source { get; set; } = "";
    public string Note { get; set; } = "";
}

/// <summary>The fee sector group (A, B, C) an OKED section belongs to, from a date on.</summary>
internal sealed class FeeSectorGroup
{
    public string OkedSection { get; set; } = "";
    public DateOnly EffectiveFrom { get; set; }
    public string SectorGroup { get; set; } = "";
    public bool Unconfirmed { get; set; }
    public string Source { get; set; } = "";
}

sealed class ReferenceConfigurations :
    IEntityTypeConfiguration<Region>, IEntityTypeConfiguration<Country>, IEntityTypeConfiguration<OkedSection>,
    IEntityTypeConfiguration<Occupation>, IEntityTypeConfiguration<CalendarDay>, IEntityTypeConfiguration<RuleValue>,
    IEntityTypeConfiguration<PermitFeeRate>, IEntityTypeConfiguration<FeeSectorGroup>
{
    public void Configure(EntityTypeBuilder<Region> b)
    {
        b.ToTable("ref_regions");
        b.HasKey(r => r.Code);
        b.Property(r => r.Code).HasMaxLength(8);
        b.Ignore(r => r.Name);
    }

    public void Configure(EntityTypeBuilder<Country> b)
    {
        b.ToTable("ref_countries");
        b.HasKey(c => c.Alpha2);
        b.Property(c => c.Alpha2).HasMaxLength(2);
        b.Property(c => c.Alpha3).HasMaxLength(3);
        b.Ignore(c => c.Name);
    }

    public void Configure(EntityTypeBuilder<OkedSection> b)
    {
        b.ToTable("ref_oked_sections");
        b.HasKey(o => o.Code);
        b.Property(o => o.Code).HasMaxLength(1);
        b.Ignore(o => o.Name);
    }

    public void Configure(EntityTypeBuilder<Occupation> b)
    {
        b.ToTable("ref_occupations");
        b.HasKey(o => o.Code);
        b.Property(o => o.Code).HasMaxLength(8);
        b.Property(o => o.Level).HasMaxLength(8);
        b.Property(o => o.MajorGroup).HasMaxLength(1);
        b.Ignore(o => o.Name);
    }

    public void Configure(EntityTypeBuilder<CalendarDay> b)
    {
        b.ToTable("ref_calendar_days");
        b.HasKey(d => d.Date);
        b.Property(d => d.Kind).HasMaxLength(24);
    }

    public void Configure(EntityTypeBuilder<RuleValue> b)
    {
        b.ToTable("ref_rule_values");
        b.HasKey(r => r.Id);
        b.Property(r => r.Key).HasMaxLength(80);
        b.Property(r => r.Unit).HasMaxLength(32);
        b.Property(r => r.Value).HasPrecision(18, 4);
        b.HasIndex(r => new { r.Key, r.EffectiveFrom }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<PermitFeeRate> b)
    {
        b.ToTable("ref_permit_fee_rates");
        b.HasKey(f => new { f.Category, f.SectorGroup, f.TermMonthsMax, f.EffectiveFrom });
        b.Property(f => f.Category).HasMaxLength(10);
        b.Property(f => f.SectorGroup).HasMaxLength(1);
    }

    public void Configure(EntityTypeBuilder<FeeSectorGroup> b)
    {
        b.ToTable("ref_fee_sector_groups");
        b.HasKey(g => new { g.OkedSection, g.EffectiveFrom });
        b.Property(g => g.OkedSection).HasMaxLength(1);
        b.Property(g => g.SectorGroup).HasMaxLength(1);
    }
}

/// <summary>Average monthly nominal wage by region and occupation major group (BNS, KZT), for the salary threshold.</summary>
internal sealed class RegionalWage
{
    public int Year { get; set; }
    public string RegionCode { get; set; } = "";
    public string MajorGroup { get; set; } = "";
    public long AverageKzt { get; set; }
}

sealed class RegionalWageConfiguration : IEntityTypeConfiguration<RegionalWage>
{
    public void Configure(EntityTypeBuilder<RegionalWage> b)
    {
        b.ToTable("ref_regional_wages");
        b.HasKey(w => new { w.Year, w.RegionCode, w.MajorGroup });
        b.Property(w => w.RegionCode).HasMaxLength(8);
        b.Property(w => w.MajorGroup).HasMaxLength(1);
    }
}
