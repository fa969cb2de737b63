using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Qonys.Web.Platform.Import;

/// <summary>
/// One import of a registry file, and its progress: the file's identity (size and SHA-256), the byte offset and line of
/// the last committed batch, the counts so far and the committed length of the rejects file. Every batch updates this row in
/// the transaction that writes the batch's rows, so after a crash the row says exactly what is in the database.
/// </summary>
internal sealed class ImportRun
{
    public Guid Id { get; set; }
    /// <summary>persons, employers or contracts (<see cref="IImportKind.Name"/>).</summary>
    public string Kind { get; set; } = "";
    /// <summary>The file as it was named to the import (full path).</summary>
    public string FilePath { get; set; } = "";
    public long FileSize { get; set; }
    /// <summary>SHA-256 of the whole file, hex.</summary>
    public string FileSha256 { get; set; } = "";
    public string RejectsPath { get; set; } = "";
    /// <summary>The byte just after the last committed record.</summary>
    public long ByteOffset { get; set; }
    /// <summary>The last line (1 = header) of the last committed record.</summary>
    public long Line { get; set; }
    public long Imported { get; set; }
    public long Rejected { get; set; }
    public long Skipped { get; set; }
    /// <summary>The rejects file's length in bytes when the last batch committed: a longer file is cut back to it on resume.</summary>
    public long RejectsLength { get; set; }
    /// <summary>running, finished or failed (<see cref="ImportStatus"/>).</summary>
    public string Status { get; set; } = ImportStatus.Running;
    /// <summary>Who started the run: an account's e-mail, or the operator of the command line.</summary>
    public string StartedBy { get; set; } = "";
    public DateTime StartedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    /// <summary>Why the run stopped, when it failed.</summary>
    public string? Error { get; set; }
}

internal static class ImportStatus
{
    public const string Running = "running";
    public const string Finished = "finished";
    public const string Failed = "failed";
}

sealed class ImportRunConfiguration : IEntityTypeConfiguration<ImportRun>
{
    public void Configure(EntityTypeBuilder<ImportRun> b)
    {
        b.ToTable("platform_import_runs");
        b.HasKey(r => r.Id);
        b.Property(r => r.Kind).HasMaxLength(20);
        b.Property(r => r.FilePath).HasMaxLength(1000);
        b.Property(r => r.FileSha256).HasMaxLength(64);
        b.Property(r => r.RejectsPath).HasMaxLength(1000);
        b.Property(r => r.Status).HasMaxLength(16);
        b.Property(r => r.StartedBy).HasMaxLength(256);
        b.Property(r => r.Error).HasMaxLength(1000);
        b.HasIndex(r => new { r.Kind, r.FileSize, r.FileSha256 });
        b.HasIndex(r => r.StartedAt);
    }
}
