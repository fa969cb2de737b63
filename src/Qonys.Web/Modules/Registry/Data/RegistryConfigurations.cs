using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qonys.Web.Modules.Registry.Domain;

namespace Qonys.Web.Modules.Registry.Data;

sealed class EmployerConfiguration : IEntityTypeConfiguration<Employer>
{
    public void Configure(EntityTypeBuilder<Employer> b)
    {
        b.ToTable("registry_employers");
        b.HasKey(e => e.Bin);
        b.Property(e => e.Bin).HasMaxLength(12);
        b.Property(e => e.Name).HasMaxLength(300);
        b.Property(e => e.RegionCode).HasMaxLength(8);
        b.Property(e => e.OkedSection).HasMaxLength(1);
        b.OwnsOne(e => e.Citizens, s => MapStaff(s, "citizens"));
        b.OwnsOne(e => e.Foreigners, s => MapStaff(s, "foreigners"));
        b.Navigation(e => e.Citizens).IsRequired();
        b.Navigation(e => e.Foreigners).IsRequired();
        b.HasIndex(e => e.RegionCode);
    }

    static void MapStaff(OwnedNavigationBuilder<Employer, StaffCounts> s, string prefix)
    {
        s.Property(x => x.Cat1).HasColumnName(prefix + "_cat1");
        s.Property(x => x.Cat2).HasColumnName(prefix + "_cat2");
        s.Property(x => x.Cat3).HasColumnName(prefix + "_cat3");
        s.Property(x => x.Cat4).HasColumnName(prefix + "_cat4");
    }
}

sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> b)
    {
        b.ToTable("registry_persons");
        b.HasKey(p => p.Id);
        b.Property(p => p.Iin).HasMaxLength(12);
        b.Property(p => p.PassportNumber).HasMaxLength(20);
        b.Property(p => p.PassportCountry).HasMaxLength(2);
        b.Property(p => p.FullName).HasMaxLength(300);
        b.Property(p => p.Sex).HasMaxLength(1);
        b.Property(p => p.Citizenship).HasMaxLength(2);
        b.Property(p => p.RegionCode).HasMaxLength(8);
        b.Property(p => p.AddressLocality).HasMaxLength(200);
        b.Property(p => p.Address).HasMaxLength(500);
        b.HasIndex(p => p.Iin).IsUnique();
        b.HasIndex(p => new { p.PassportCountry, p.PassportNumber }).IsUnique();
    }
}
