using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qonys.Web.Modules.Selection.Domain;

namespace Qonys.Web.Modules.Selection.Data;

sealed class SelectionConfigurations :
    IEntityTypeConfiguration<StoredScorecard>, IEntityTypeConfiguration<Candidate>, IEntityTypeConfiguration<SelectionRound>,
    IEntityTypeConfiguration<Invitation>, IEntityTypeConfiguration<SelectionListEntry>, IEntityTypeConfiguration<AtaZholyApplication>
{
    public void Configure(EntityTypeBuilder<StoredScorecard> b)
    {
        b.ToTable("selection_scorecards");
        b.HasKey(s => s.Id);
        b.Property(s => s.Key).HasMaxLength(64);
        b.Property(s => s.Status).HasMaxLength(12);
        b.Property(s => s.Title).HasMaxLength(200);
        b.HasIndex(s => new { s.Key, s.Version }).IsUnique();
        // At most one published version per key, whatever two administrators do at the same time.
        b.HasIndex(s => s.Key).IsUnique().HasFilter("status = 'published'").HasDatabaseName("ux_selection_scorecards_published");
    }

    public void Configure(EntityTypeBuilder<Candidate> b)
    {
        b.ToTable("selection_candidates");
        b.HasKey(c => c.Id);
        b.Property(c => c.FullName).HasMaxLength(200);
        b.Property(c => c.Citizenship).HasMaxLength(2);
        b.Property(c => c.Education).HasMaxLength(16);
        b.Property(c => c.ExperienceYears).HasPrecision(5, 2);
        b.Property(c => c.KazakhLevel).HasMaxLength(4);
        b.Property(c => c.RussianLevel).HasMaxLength(4);
        b.Property(c => c.EnglishLevel).HasMaxLength(4);
        b.Property(c => c.OccupationCode).HasMaxLength(8);
        b.Property(c => c.JobOfferRegionCode).HasMaxLength(8);
        b.Property(c => c.Channel).HasMaxLength(16);
        // One self-service profile per account.
        b.HasIndex(c => c.AccountId).IsUnique();
        b.HasIndex(c => new { c.CreatedBy, c.CreatedAt });
    }

    public void Configure(EntityTypeBuilder<SelectionRound> b)
    {
        b.ToTable("selection_rounds");
        b.HasKey(r => r.Id);
        b.Property(r => r.RoundKey).HasMaxLength(80);
        b.Property(r => r.ScorecardKey).HasMaxLength(64);
        b.Property(r => r.CutOffScore).HasPrecision(12, 4);
        b.Property(r => r.OccupationCodes).HasMaxLength(2000);
        b.Property(r => r.RegionCodes).HasMaxLength(400);
        b.Property(r => r.TieBreakExplanation).HasMaxLength(2000);
        // The natural guard: a round's name is unique per day.
        b.HasIndex(r => new { r.RoundKey, r.RoundDate }).IsUnique();
        b.HasIndex(r => r.RunAt);
    }

    public void Configure(EntityTypeBuilder<Invitation> b)
    {
        b.ToTable("selection_invitations");
        b.HasKey(i => i.Id);
        b.Property(i => i.Score).HasPrecision(12, 4);
        // A candidate is invited once: two rounds at the same moment cannot both invite the same person.
        b.HasIndex(i => i.CandidateId).IsUnique();
        b.HasIndex(i => new { i.RoundId, i.Position }).IsUnique();
        b.HasOne<SelectionRound>().WithMany().HasForeignKey(i => i.RoundId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Candidate>().WithMany().HasForeignKey(i => i.CandidateId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<SelectionListEntry> b)
    {
        b.ToTable("selection_list_entries");
        b.HasKey(e => new { e.List, e.Entry });
        b.Property(e => e.List).HasMaxLength(64);
        b.Property(e => e.Entry).HasMaxLength(200);
        b.Property(e => e.Value).HasPrecision(18, 2);
        b.Property(e => e.Note).HasMaxLength(1000);
    }

    public void Configure(EntityTypeBuilder<AtaZholyApplication> b)
    {
        b.ToTable("selection_ata_zholy_applications");
        b.HasKey(a => a.Id);
        b.Property(a => a.FullName).HasMaxLength(200);
        b.Property(a => a.Citizenship).HasMaxLength(2);
        b.Property(a => a.Profession).HasMaxLength(200);
        b.Property(a => a.BusinessYearsOperating).HasPrecision(6, 2);
        b.Property(a => a.BusinessAnnualTurnoverUsd).HasPrecision(18, 2);
        b.Property(a => a.Status).HasMaxLength(16);
        b.HasIndex(a => new { a.AccountId, a.CreatedAt });
    }
}
