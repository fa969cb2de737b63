using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;

namespace Qonys.Web.Platform.Import;

/// <summary>What an import run did, counted over the whole run (before and after any restart).</summary>
internal sealed record ImportOutcome(Guid RunId, long Imported, long Rejected, long Skipped, string RejectsPath, bool Resumed)
{
    public string Summary => $"imported {Imported}, rejected {Rejected}, skipped {Skipped}";
}

/// <summary>A file that cannot be imported at all (unknown kind, no such file, a header without a needed column).</summary>
internal sealed class ImportException(string message) : Exception(message);

/// <summary>
/// Loads a registry file in batches of <see cref="BatchSize"/> records, streaming it (one buffer, one batch in memory).
/// Each record is validated by its kind; valid rows are written by the kind's table writer (rows already in the table are
/// skipped), invalid ones go to the rejects file with their line, field and reason. Each batch commits its rows together
/// with the run's progress (<see cref="ImportRun"/>: byte offset, line, counts, the rejects file's length), after its
/// rejects are on disk; so a run killed at any point and started again with the same file (same size and SHA-256) goes on
/// after the last committed batch, cutting the rejects file back to the committed length: every valid row is loaded once
/// and every invalid one is in the rejects file once. One audit entry records each finished run.
/// </summary>
internal sealed class ImportEngine(AppDb db, IEnumerable<IImportKind> kinds, ReferenceCache references, AuditLog audit, TimeProvider clock)
{
    public const int BatchSize = 20_000;
    public static readonly AuditEventType ImportCompleted = new("platform.import_completed", AuditKind.Change);
    static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    const string RejectsHeader = "line,field,reason,record\n";

    public IReadOnlyList<string> Kinds => kinds.Select(k => k.Name).ToList();

    /// <summary>The rejects file of an import file: <c>F.csv</c> → <c>F.rejects.csv</c>.</summary>
    public static string RejectsPathOf(string path) => Path.ChangeExtension(Path.GetFullPath(path), ".rejects.csv");

    /// <summary>Why <paramref name="path"/> cannot be imported as <paramref name="kindName"/>, or null when it can (reads the header only).</summary>
    public async Task<string?> ProblemAsync(string kindName, string path, CancellationToken ct)
    {
        try
        {
            var kind = Find(kindName);
            await using var file = Open(path);
            await ReadHeaderAsync(kind, new CsvRecordReader(file, 0, 0), ct);
            return null;
        }
        catch (ImportException e)
        {
            return e.Message;
        }
    }

    /// <summary>Imports a file, or goes on with an unfinished run of the same file; <paramref name="progress"/> sees each commit.</summary>
    public async Task<ImportOutcome> RunAsync(string kindName, string path, Actor actor, Action<ImportRun>? progress, CancellationToken ct)
    {
        var kind = Find(kindName);
        var fullPath = Path.GetFullPath(path);
        await using var file = Open(fullPath);
        var size = file.Length;
        var sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(file, ct));
        var headerReader = new CsvRecordReader(file, 0, 0);
        var (columns, width) = await ReadHeaderAsync(kind, headerReader, ct);

        var rejectsPath = RejectsPathOf(fullPath);
        await using var rejects = new FileStream(rejectsPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        await db.Database.OpenConnectionAsync(ct);
        var run = await db.Set<ImportRun>()
            .Where(r => r.Kind == kind.Name && r.FileSize == size && r.FileSha256 == sha && r.Status != ImportStatus.Finished)
            .OrderByDescending(r => r.StartedAt).FirstOrDefaultAsync(ct);
        if (run is not null && (run.RejectsPath != rejectsPath || rejects.Length < run.RejectsLength))
        {
            // The file was moved or its rejects file lost: start again (rows already loaded are then skipped).
            run.Status = ImportStatus.Failed;
            run.Error = "superseded: its rejects file was no longer there to go on with";
            await db.SaveChangesAsync(ct);
            run = null;
        }
        var resumed = run is not null;
        var now = clock.GetUtcNow().UtcDateTime;
        if (run is null)
        {
            rejects.SetLength(0);
            await rejects.WriteAsync(Utf8.GetBytes(RejectsHeader), ct);
            await rejects.FlushAsync(ct);
            run = new ImportRun
            {
                Id = Guid.CreateVersion7(), Kind = kind.Name, FilePath = fullPath, FileSize = size, FileSha256 = sha, RejectsPath = rejectsPath,
                ByteOffset = headerReader.Offset, Line = headerReader.Line, RejectsLength = rejects.Length, Status = ImportStatus.Running,
                StartedBy = actor == Actor.System ? "operator (command line)" : actor.Email, StartedAt = now, UpdatedAt = now,
            };
            db.Add(run);
            await db.SaveChangesAsync(ct);
        }
        else
        {
            rejects.SetLength(run.RejectsLength); // rejects of a batch that never committed go, to be written again
            run.Status = ImportStatus.Running;
            run.Error = null;
        }
        rejects.Seek(0, SeekOrigin.End);

        try
        {
            await LoadAsync(kind, file, columns, width, run, rejects, progress, ct);
            run.Status = ImportStatus.Finished;
            run.FinishedAt = run.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            audit.Record(actor, ImportCompleted, "import", run.Id.ToString(), new
            {
                kind = kind.Name, file = Path.GetFileName(fullPath), run.FileSize, run.FileSha256, run.Imported, run.Rejected, run.Skipped,
            });
            await db.SaveChangesAsync(ct);
        }
        catch (Exception e)
        {
            // The committed progress stands; the run stays open to go on with when started again with the same file.
            db.ChangeTracker.Clear();
            var error = e is OperationCanceledException ? "stopped before the end" : e.Message;
            await db.Set<ImportRun>().Where(r => r.Id == run.Id).ExecuteUpdateAsync(u => u
                .SetProperty(r => r.Status, ImportStatus.Failed)
                .SetProperty(r => r.Error, error.Length > 1000 ? error[..1000] : error), CancellationToken.None);
            throw;
        }
        return new ImportOutcome(run.Id, run.Imported, run.Rejected, run.Skipped, rejectsPath, resumed);
    }

    /// <summary>
    /// Reads and checks the next batch while the last one is written (two batches take turns): the records are parsed and
    /// validated on one task, written and committed on this one; only this one touches the database and the rejects file.
    /// </summary>
    async Task LoadAsync(IImportKind kind, FileStream file, IReadOnlyDictionary<string, int> columns, int width, ImportRun run,
        FileStream rejects, Action<ImportRun>? progress, CancellationToken ct)
    {
        var context = new ImportContext(await references.SnapshotAsync(ct), Path.GetFileName(run.FilePath), clock.GetUtcNow().UtcDateTime);
        var writer = ImportTableWriter.For(db);
        using var first = new PendingBatch(kind.NewBatch(writer));
        using var second = new PendingBatch(kind.NewBatch(writer));
        var free = Channel.CreateUnbounded<PendingBatch>();
        free.Writer.TryWrite(first);
        free.Writer.TryWrite(second);
        var full = Channel.CreateBounded<PendingBatch>(1);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var reading = Task.Run(() => ReadBatchesAsync(new CsvRecordReader(file, run.ByteOffset, run.Line), columns, width, context, free.Reader,
            full.Writer, stop.Token), stop.Token);
        try
        {
            await foreach (var batch in full.Reader.ReadAllAsync(ct))
            {
                // The rejects first, on disk: the commit then records a length the file has.
                if (batch.Rejects.Length > 0)
                {
                    await rejects.WriteAsync(Utf8.GetBytes(batch.Rejects.ToString()), ct);
                    rejects.Flush(flushToDisk: true);
                }
                await using (var transaction = await db.Database.BeginTransactionAsync(ct))
                {
                    var valid = batch.Rows.Count;
                    var inserted = await batch.Rows.WriteAsync(ct);
                    run.Imported += inserted;
                    run.Skipped += valid - inserted;
                    run.Rejected += batch.Rejected;
                    run.ByteOffset = batch.EndOffset;
                    run.Line = batch.EndLine;
                    run.RejectsLength = rejects.Length;
                    run.UpdatedAt = clock.GetUtcNow().UtcDateTime;
                    await db.SaveChangesAsync(ct);
                    await transaction.CommitAsync(ct);
                }
                batch.Clear();
                free.Writer.TryWrite(batch);
                progress?.Invoke(run);
            }
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAny(reading); // a failure of its own has ended the loop above through the channel
        }
    }

    static async Task ReadBatchesAsync(CsvRecordReader reader, IReadOnlyDictionary<string, int> columns, int width, ImportContext context,
        ChannelReader<PendingBatch> free, ChannelWriter<PendingBatch> full, CancellationToken ct)
    {
        try
        {
            var batch = await free.ReadAsync(ct);
            while (true)
            {
                var record = await reader.ReadAsync(ct);
                if (record is not null && !IsBlank(record))
                {
                    batch.Records++;
                    var errors = new ValidationErrors();
                    if (record.Undecodable) errors.Add("(record)", "is not valid UTF-8");
                    else if (record.Fields.Count != width) errors.Add("(record)", $"has {record.Fields.Count} fields where the header has {width}");
                    else batch.Rows.Add(new ImportRecord(columns, record.Fields, record.Line), context, errors);
                    if (errors.Any)
                    {
                        batch.Rejected++;
                        AppendReject(batch.Rejects, record, errors);
                    }
                }
                if (batch.Records >= BatchSize || (record is null && batch.Records > 0))
                {
                    (batch.EndOffset, batch.EndLine) = (reader.Offset, reader.Line);
                    await full.WriteAsync(batch, ct);
                    if (record is not null) batch = await free.ReadAsync(ct);
                }
                if (record is null) break;
            }
            full.Complete();
        }
        catch (Exception e)
        {
            full.Complete(e);
        }
    }

    /// <summary>A batch on its way from the reading task to the writing one: its rows, its rejects and where it ends.</summary>
    sealed class PendingBatch(IImportBatch rows) : IDisposable
    {
        public IImportBatch Rows { get; } = rows;
        public StringBuilder Rejects { get; } = new();
        public int Records { get; set; }
        public int Rejected { get; set; }
        public long EndOffset { get; set; }
        public long EndLine { get; set; }

        /// <summary>Empties the batch for its next turn (its rows were emptied when written).</summary>
        public void Clear()
        {
            Rejects.Clear();
            (Records, Rejected) = (0, 0);
        }

        public void Dispose() => Rows.Dispose();
    }

    static bool IsBlank(CsvRecord record) => !record.Undecodable && record.Fields is [""];

    static void AppendReject(StringBuilder lines, CsvRecord record, ValidationErrors errors)
    {
        var problems = errors.ToDictionary();
        var field = string.Join(';', problems.Keys);
        var reason = problems.Count == 1
            ? string.Join("; ", problems.Values.First())
            : string.Join("; ", problems.Select(p => p.Key + ": " + string.Join(", ", p.Value)));
        lines.Append(record.Line.ToString(CultureInfo.InvariantCulture)).Append(',').Append(Csv.Escape(field)).Append(',')
            .Append(Csv.Escape(reason)).Append(',').Append(Csv.Escape(record.Text)).Append('\n');
    }

    IImportKind Find(string name) =>
        kinds.FirstOrDefault(k => k.Name == name)
        ?? throw new ImportException($"unknown kind '{name}': use {string.Join(", ", kinds.Select(k => k.Name))}");

    static FileStream Open(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            throw new ImportException($"cannot read '{path}': {e.Message}");
        }
    }

    static async Task<(IReadOnlyDictionary<string, int> Columns, int Width)> ReadHeaderAsync(IImportKind kind, CsvRecordReader reader, CancellationToken ct)
    {
        var header = await reader.ReadAsync(ct) ?? throw new ImportException("the file is empty: a header row is expected");
        if (header.Undecodable) throw new ImportException("the header row is not valid UTF-8");
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Fields.Count; i++) columns.TryAdd(header.Fields[i].Trim(), i);
        var missing = kind.Columns.Where(c => !columns.ContainsKey(c)).ToList();
        if (missing.Count > 0)
            throw new ImportException($"the header lacks {string.Join(", ", missing)} (a {kind.Name} file has {string.Join(",", kind.Columns)})");
        return (columns, header.Fields.Count);
    }
}
