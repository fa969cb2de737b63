using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qonys.Web.Modules.Permits.Domain;

namespace Qonys.Web.Modules.Permits.Data;

sealed class ForeignWorkerStayConfiguration : IEntityTypeConfiguration<ForeignWorkerStay>
{
    public void Configure(EntityTypeBuilder<ForeignWorkerStay> b)
    {
        b.ToTable("permits_worker_presence");
        b.HasKey(s => new { s.Citizenship, s.PassportNumber });
        b.Property(s => s.PassportNumber).HasMaxLength(20);
        b.Property(s => s.Citizenship).HasMaxLength(2);
        b.Property(s => s.LastCrossingDirection).HasMaxLength(8);
        b.Property(s => s.LastCheckpoint).HasMaxLength(100);
        b.Property(s => s.StayRegionCode).HasMaxLength(8);
        b.Property(s => s.StayAddress).HasMaxLength(500);
        b.Property(s => s.StayHost).HasMaxLength(12);
        b.HasIndex(s => s.InCountry);
    }
}
