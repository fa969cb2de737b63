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

sealed class EmploymentContractConfiguration : IEntityTypeConfiguration<EmploymentContract>
{
    public void Configure(EntityTypeBuilder<EmploymentContract> b)
    {
        b.ToTable("compliance_employment_contracts");
        b.HasKey(c => c.ContractId);
        b.Property(c => c.ContractId).HasMaxLength(64);
        b.Property(c => c.EmployerBin).HasMaxLength(12);
        b.Property(c => c.WorkerIin).HasMaxLength(12);
        b.Property(c => c.WorkerPassportNumber).HasMaxLength(20);
        b.Property(c => c.WorkerPassportCountry).HasMaxLength(2);
        b.Property(c => c.Position).HasMaxLength(200);
        b.Property(c => c.OccupationCode).HasMaxLength(8);
        b.Property(c => c.WorkRegionCode).HasMaxLength(8);
        b.Property(c => c.Source).HasMaxLength(200);
        b.HasIndex(c => new { c.EmployerBin, c.StartOn });
        b.HasIndex(c => c.WorkerIin);
        b.HasIndex(c => new { c.WorkerPassportCountry, c.WorkerPassportNumber }).HasDatabaseName("ix_compliance_employment_contracts_worker_passport");
    }
}

sealed class StatePaymentConfiguration : IEntityTypeConfiguration<StatePayment>
{
    public void Configure(EntityTypeBuilder<StatePayment> b)
    {
        b.ToTable("compliance_state_payments");
        b.HasKey(p => p.EventId);
        b.Property(p => p.EventId).HasMaxLength(36);
        b.Property(p => p.Kind).HasMaxLength(24);
        b.Property(p => p.EmployerBin).HasMaxLength(12);
        b.Property(p => p.WorkerIin).HasMaxLength(12);
        b.Property(p => p.TaxCode).HasMaxLength(40);
        b.HasIndex(p => new { p.EmployerBin, p.PeriodFrom });
        b.HasIndex(p => p.WorkerIin);
    }
}
