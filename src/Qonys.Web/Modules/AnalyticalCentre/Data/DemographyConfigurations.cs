using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qonys.Web.Modules.AnalyticalCentre.Domain;

namespace Qonys.Web.Modules.AnalyticalCentre.Data;

sealed class DemographyConfigurations :
    IEntityTypeConfiguration<ProjectionRunRecord>, IEntityTypeConfiguration<ProjectionResultRow>,
    IEntityTypeConfiguration<PolicyScenario>
{
    public void Configure(EntityTypeBuilder<ProjectionRunRecord> b)
    {
        b.ToTable("demography_projection_runs");
        b.HasKey(r => r.Id);
        b.Property(r => r.ScenarioKey).HasMaxLength(64);
        b.Property(r => r.ScenarioName).HasMaxLength(200);
        b.Property(r => r.Regions).HasMaxLength(16);
        b.Property(r => r.Status).HasMaxLength(16);
        b.Property(r => r.Error).HasMaxLength(500);
        b.Property(r => r.LeaseOwner).HasMaxLength(64);
        b.HasIndex(r => new { r.Status, r.CreatedAt });
        b.HasIndex(r => r.CreatedAt);
    }

    public void Configure(EntityTypeBuilder<ProjectionResultRow> b)
    {
        b.ToTable("demography_projection_results");
        b.HasKey(r => new { r.RunId, r.RegionCode, r.Year });
        b.Property(r => r.RegionCode).HasMaxLength(8);
        b.HasOne<ProjectionRunRecord>().WithMany().HasForeignKey(r => r.RunId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<PolicyScenario> b)
    {
        b.ToTable("demography_scenarios");
        b.HasKey(s => s.Id);
        b.Property(s => s.Name).HasMaxLength(200);
        b.HasIndex(s => s.CreatedAt);
    }
}
