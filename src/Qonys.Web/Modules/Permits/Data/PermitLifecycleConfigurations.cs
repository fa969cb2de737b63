using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qonys.Web.Modules.Permits.Domain;

namespace Qonys.Web.Modules.Permits.Data;

sealed class PermitLifecycleConfigurations :
    IEntityTypeConfiguration<PermitChangeRequest>, IEntityTypeConfiguration<HouseholdPermit>, IEntityTypeConfiguration<HouseholdEmployerChange>
{
    public void Configure(EntityTypeBuilder<PermitChangeRequest> b)
    {
        b.ToTable("permits_change_requests");
        b.HasKey(r => r.Id);
        b.Property(r => r.Kind).HasMaxLength(16);
        b.Property(r => r.PermitNumber).HasMaxLength(24);
        b.Property(r => r.EmployerBin).HasMaxLength(12);
        b.Property(r => r.RegionCode).HasMaxLength(8);
        b.Property(r => r.Category).HasMaxLength(10);
        b.Property(r => r.WorkerFullName).HasMaxLength(200);
        b.Property(r => r.WorkerPassportNumber).HasMaxLength(20);
        b.Property(r => r.WorkerCitizenship).HasMaxLength(2);
        b.Property(r => r.WorkerEducation).HasMaxLength(16);
        b.Property(r => r.RequestReason).HasMaxLength(2000);
        b.Property(r => r.Status).HasMaxLength(16);
        b.Property(r => r.DecisionReason).HasMaxLength(2000);
        b.Property(r => r.NewPermitNumber).HasMaxLength(24);
        // One pending request per permit, whatever the number of concurrent requests and app nodes.
        b.HasIndex(r => r.PermitNumber).IsUnique().HasFilter("status = 'pending'").HasDatabaseName("ux_permits_change_requests_pending");
        b.HasIndex(r => new { r.RegionCode, r.Status, r.DecisionDueOn });
        b.HasIndex(r => new { r.EmployerBin, r.Status });
    }

    public void Configure(EntityTypeBuilder<HouseholdPermit> b)
    {
        b.ToTable("permits_household_permits");
        b.HasKey(p => p.Number);
        b.Property(p => p.Number).HasMaxLength(24);
        b.Property(p => p.EmployerIin).HasMaxLength(12);
        b.Property(p => p.RegionCode).HasMaxLength(8);
        b.Property(p => p.WorkerFullName).HasMaxLength(200);
        b.Property(p => p.WorkerPassportNumber).HasMaxLength(20);
        b.Property(p => p.WorkerCitizenship).HasMaxLength(2);
        b.Property(p => p.Status).HasMaxLength(16);
        // The household limit: an active permit holds one numbered slot of its employer (ended permits hold none).
        b.HasIndex(p => new { p.EmployerIin, p.EmployerSlot }).IsUnique();
        b.HasIndex(p => new { p.Status, p.ValidUntil });
        b.HasIndex(p => p.RegionCode);
    }

    public void Configure(EntityTypeBuilder<HouseholdEmployerChange> b)
    {
        b.ToTable("permits_household_employer_changes");
        b.HasKey(c => c.Id);
        b.Property(c => c.PermitNumber).HasMaxLength(24);
        b.Property(c => c.FromIin).HasMaxLength(12);
        b.Property(c => c.ToIin).HasMaxLength(12);
        b.Property(c => c.ActorRole).HasMaxLength(32);
        b.Property(c => c.Reason).HasMaxLength(2000);
        b.HasIndex(c => new { c.PermitNumber, c.At });
    }
}
