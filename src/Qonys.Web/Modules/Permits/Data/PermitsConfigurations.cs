using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qonys.Web.Modules.Permits.Domain;

namespace Qonys.Web.Modules.Permits.Data;

sealed class PermitsConfigurations :
    IEntityTypeConfiguration<PermitApplication>, IEntityTypeConfiguration<ApplicationWorker>, IEntityTypeConfiguration<CaseAction>,
    IEntityTypeConfiguration<Permit>, IEntityTypeConfiguration<QuotaLedger>, IEntityTypeConfiguration<QuotaRevision>
{
    public void Configure(EntityTypeBuilder<PermitApplication> b)
    {
        b.ToTable("permits_applications");
        b.HasKey(a => a.Id);
        b.Property(a => a.EmployerBin).HasMaxLength(12);
        b.Property(a => a.RegionCode).HasMaxLength(8);
        b.Property(a => a.Category).HasMaxLength(10);
        b.Property(a => a.OccupationCode).HasMaxLength(8);
        b.Property(a => a.OkedSection).HasMaxLength(1);
        b.Property(a => a.SendingCountry).HasMaxLength(2);
        b.Property(a => a.Status).HasMaxLength(20);
        b.HasMany(a => a.Workers).WithOne().HasForeignKey(w => w.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(a => a.History).WithOne().HasForeignKey(h => h.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(a => new { a.RegionCode, a.Status, a.DecisionDueOn });
        b.HasIndex(a => new { a.EmployerBin, a.CreatedAt });
    }

    public void Configure(EntityTypeBuilder<ApplicationWorker> b)
    {
        b.ToTable("permits_application_workers");
        b.HasKey(w => w.Id);
        b.Property(w => w.FullName).HasMaxLength(200);
        b.Property(w => w.PassportNumber).HasMaxLength(20);
        b.Property(w => w.Citizenship).HasMaxLength(2);
        b.Property(w => w.Education).HasMaxLength(16);
        b.HasIndex(w => new { w.ApplicationId, w.Position }).IsUnique();
        b.HasIndex(w => new { w.Citizenship, w.PassportNumber });
    }

    public void Configure(EntityTypeBuilder<CaseAction> b)
    {
        b.ToTable("permits_case_actions");
        b.HasKey(a => a.Id);
        b.Property(a => a.ActorRole).HasMaxLength(32);
        b.Property(a => a.Action).HasMaxLength(24);
        b.Property(a => a.PermitNumber).HasMaxLength(24);
        b.Property(a => a.FromStatus).HasMaxLength(20);
        b.Property(a => a.ToStatus).HasMaxLength(20);
        b.Property(a => a.Reason).HasMaxLength(2000);
        b.HasIndex(a => new { a.ApplicationId, a.Seq }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<Permit> b)
    {
        b.ToTable("permits_permits");
        b.HasKey(p => p.Number);
        b.Property(p => p.Number).HasMaxLength(24);
        b.Property(p => p.EmployerBin).HasMaxLength(12);
        b.Property(p => p.RegionCode).HasMaxLength(8);
        b.Property(p => p.Category).HasMaxLength(10);
        b.Property(p => p.OccupationCode).HasMaxLength(8);
        b.Property(p => p.OkedSection).HasMaxLength(1);
        b.Property(p => p.Citizenship).HasMaxLength(2);
        b.Property(p => p.Status).HasMaxLength(16);
        b.HasIndex(p => new { p.EmployerBin, p.Status });
        b.HasIndex(p => new { p.ValidFrom, p.ValidUntil });
        b.HasIndex(p => p.ApplicationId);
        b.HasIndex(p => p.WorkerId);
    }

    public void Configure(EntityTypeBuilder<QuotaLedger> b)
    {
        b.ToTable("permits_quota_ledger");
        b.HasKey(q => new { q.Year, q.RegionCode, q.Category });
        b.Property(q => q.RegionCode).HasMaxLength(8);
        b.Property(q => q.Category).HasMaxLength(10);
        b.Ignore(q => q.Available);
        b.ToTable(t => t.HasCheckConstraint("ck_permits_quota_ledger_within_cap", "reserved >= 0 AND used >= 0 AND reserved + used <= cap"));
    }

    public void Configure(EntityTypeBuilder<QuotaRevision> b)
    {
        b.ToTable("permits_quota_revisions");
        b.HasKey(r => r.Id);
        b.Property(r => r.RegionCode).HasMaxLength(8);
        b.Property(r => r.Category).HasMaxLength(10);
        b.Property(r => r.Reason).HasMaxLength(2000);
        b.HasIndex(r => new { r.Year, r.RegionCode, r.Category, r.At });
    }
}
