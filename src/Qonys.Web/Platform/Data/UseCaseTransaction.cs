using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Qonys.Web.Platform.Data;

/// <summary>
/// A use case's transaction that joins the request's unit of work. Outside a transaction it is a transaction of its own;
/// inside one (an idempotent request runs in one, <see cref="Idempotency.IdempotencyMiddleware"/>: claim, work, stored
/// answer, one commit) it is a savepoint of it. Either way committing keeps the work, and disposing without committing
/// undoes exactly the use case's own writes (a refusal half-way) and leaves the surrounding transaction usable. The
/// outermost transaction alone makes anything durable, so a crash at any point leaves all of a request or none of it.
/// </summary>
internal sealed class UseCaseTransaction : IAsyncDisposable
{
    readonly IDbContextTransaction _transaction;
    readonly string? _savepoint;
    bool _done;

    UseCaseTransaction(IDbContextTransaction transaction, string? savepoint)
    {
        _transaction = transaction;
        _savepoint = savepoint;
    }

    public static async Task<UseCaseTransaction> BeginAsync(AppDb db, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is { } outer)
        {
            var savepoint = "use_case_" + Guid.NewGuid().ToString("N")[..12];
            await outer.CreateSavepointAsync(savepoint, ct);
            return new UseCaseTransaction(outer, savepoint);
        }
        return new UseCaseTransaction(await db.Database.BeginTransactionAsync(ct), null);
    }

    public async Task CommitAsync(CancellationToken ct)
    {
        if (_savepoint is null) await _transaction.CommitAsync(ct);
        else await _transaction.ReleaseSavepointAsync(_savepoint, ct);
        _done = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (_savepoint is null)
        {
            await _transaction.DisposeAsync(); // rolls back unless committed
            return;
        }
        if (!_done) await _transaction.RollbackToSavepointAsync(_savepoint, CancellationToken.None);
    }
}

internal static class UseCaseTransactionExtensions
{
    /// <summary>Begins the use case's transaction, or its savepoint in the request's (<see cref="UseCaseTransaction"/>).</summary>
    public static Task<UseCaseTransaction> BeginUseCaseTransactionAsync(this AppDb db, CancellationToken ct) => UseCaseTransaction.BeginAsync(db, ct);
}
