namespace Qonys.Web.Platform.Demo;

/// <summary>Writes rows in bulk (inside the caller's open transaction where there is a database).</summary>
internal interface IDemoBulkWriter
{
    /// <summary>Writes the rows to the table of <typeparamref name="T"/>; returns how many were written.</summary>
    Task<int> WriteAsync<T>(IEnumerable<T> rows, CancellationToken ct) where T : class;
}
