namespace Qonys.Web.Platform.Import;

/// <summary>
/// A kind of registry file the import command loads (persons, employers, contracts), contributed by the module that owns
/// its table (<see cref="ImportSetup.AddImportKind{T}"/>): the header it expects, and how it reads one record into a row of
/// its table. The engine (<see cref="ImportEngine"/>) streams, batches, writes and keeps the progress.
/// </summary>
internal interface IImportKind
{
    /// <summary>The name the command and the page take (<c>--kind persons</c>).</summary>
    string Name { get; }

    /// <summary>The columns the header must name (in any order; other columns are ignored).</summary>
    IReadOnlyList<string> Columns { get; }

    /// <summary>A batch of this kind's rows, written through <paramref name="writer"/>.</summary>
    IImportBatch NewBatch(ImportTableWriter writer);
}

/// <summary>The rows of one batch, validated as they are added and written in one go.</summary>
internal interface IImportBatch : IDisposable
{
    int Count { get; }

    /// <summary>Validates a record; a valid one joins the batch, an invalid one's problems are in <paramref name="errors"/>.</summary>
    bool Add(ImportRecord record, ImportContext context, ValidationErrors errors);

    /// <summary>Writes the batch's rows inside the open transaction and empties it; returns how many were new.</summary>
    Task<int> WriteAsync(CancellationToken ct);
}

/// <summary>A record's fields by the header's column names.</summary>
internal sealed class ImportRecord(IReadOnlyDictionary<string, int> columns, IReadOnlyList<string> fields, long line)
{
    public long Line => line;

    /// <summary>The field of a column, trimmed; null when empty.</summary>
    public string? this[string column]
    {
        get
        {
            var value = fields[columns[column]].Trim();
            return value.Length == 0 ? null : value;
        }
    }
}

/// <summary>What a kind reads a record against: the reference data, the file and the time of the run.</summary>
internal sealed record ImportContext(ReferenceSnapshot References, string FileName, DateTime Now)
{
    public DateOnly Today => DateOnly.FromDateTime(Now);
}

/// <summary>A kind whose valid records become rows of the table of <typeparamref name="TRow"/>.</summary>
internal abstract class ImportKind<TRow> : IImportKind where TRow : class
{
    public abstract string Name { get; }
    public abstract IReadOnlyList<string> Columns { get; }

    /// <summary>The row a record makes, or null with its problems (field → reason) in <paramref name="errors"/>.</summary>
    public abstract TRow? Read(ImportRecord record, ImportContext context, ValidationErrors errors);

    public IImportBatch NewBatch(ImportTableWriter writer) => new Batch(this, writer.For<TRow>());

    sealed class Batch(ImportKind<TRow> kind, ImportTableWriter.Table<TRow> table) : IImportBatch
    {
        readonly List<TRow> _rows = [];
        public int Count => _rows.Count;

        public bool Add(ImportRecord record, ImportContext context, ValidationErrors errors)
        {
            var row = kind.Read(record, context, errors);
            if (row is null || errors.Any) return false;
            _rows.Add(row);
            return true;
        }

        public async Task<int> WriteAsync(CancellationToken ct)
        {
            var inserted = await table.InsertNewAsync(_rows, ct);
            _rows.Clear();
            return inserted;
        }

        public void Dispose() => table.Dispose();
    }
}
