using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qonys.Web.Modules.Compliance.Domain;

namespace Qonys.Web.Modules.Compliance.Data;

sealed class OffenceConfiguration : IEntityTypeConfiguration<Offence>
{
    public void Configure(EntityTypeBuilder<Offence> b)
    {
        b.ToTable("compliance_offences");
        b.HasKey(o => o.Id);
        b.Property(o => o.Article).HasMaxLength(8);
        b.Property(o => o.OffenderType).HasMaxLength(32);
        b.Property(o => o.OffenderBin).HasMaxLength(12);
        b.Property(o => o.RegionCode).HasMaxLength(8);
        b.Property(o => o.Status).HasMaxLength(16);
        b.Property(o => o.Provision).HasMaxLength(24);
        b.Property(o => o.OffenderSize).HasMaxLength(16);
        b.HasIndex(o => new { o.OffenderBin, o.Status });
        b.HasIndex(o => new { o.CommittedOn, o.RegionCode });
    }
}
