using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qonys.Web.Platform.OpenApi;

namespace Qonys.Web.Platform.Import;

/// <summary>The bulk import of registry files: the engine, the kinds the modules contribute, the runner of the page's imports and the list API.</summary>
internal static class ImportSetup
{
    public const string ImportsManage = "imports.manage";

    public static void AddQonysImport(this IServiceCollection services)
    {
        services.AddPermission(ImportsManage, Roles.Administrator);
        services.AddScoped<ImportEngine>();
        services.AddSingleton<ImportQueue>();
        services.AddHostedService(sp => sp.GetRequiredService<ImportQueue>());
    }

    /// <summary>A module's kind of import file (<see cref="IImportKind"/>).</summary>
    public static void AddImportKind<T>(this IServiceCollection services) where T : class, IImportKind =>
        services.AddSingleton<IImportKind, T>();

    /// <summary>The folder the page's imports live in: uploads are saved there, and only files there may be named.</summary>
    public static string Folder(QonysOptions options) => Path.GetFullPath(Path.Combine(options.Database.DataFolder, "imports"));

    public static void MapImportApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/imports").WithTag("Imports", "Bulk imports of registry files (the import command and the administrators' page).")
            .MapGet("", List).WithName("ListImports").RequireAuthorization(ImportsManage)
            .WithSummary("The latest 100 import runs, newest first, with their progress and counts.");
    }

    static async Task<Ok<List<ImportRunResponse>>> List(AppDb db, CancellationToken ct) =>
        TypedResults.Ok((await Latest(db, ct)).Select(ImportRunResponse.From).ToList());

    /// <summary>The latest runs, newest first.</summary>
    public static async Task<List<ImportRun>> Latest(AppDb db, CancellationToken ct) =>
        await db.Set<ImportRun>().AsNoTracking().OrderByDescending(r => r.StartedAt).Take(100).ToListAsync(ct);
}

/// <summary>An import run as the list shows it; <c>progress</c> is the share of the file's bytes committed (0–1).</summary>
internal sealed record ImportRunResponse(
    Guid Id, string Kind, string File, string Status, long Imported, long Rejected, long Skipped, long Line, double Progress,
    string StartedBy, DateTime StartedAt, DateTime UpdatedAt, DateTime? FinishedAt, string? Error, string Rejects)
{
    public static ImportRunResponse From(ImportRun r) => new(
        r.Id, r.Kind, Path.GetFileName(r.FilePath), r.Status, r.Imported, r.Rejected, r.Skipped, r.Line,
        r.FileSize == 0 ? 1 : Math.Round((double)r.ByteOffset / r.FileSize, 4), r.StartedBy, r.StartedAt, r.UpdatedAt, r.FinishedAt, r.Error,
        "/imports?handler=rejects&id=" + r.Id);
}

/// <summary>An import the page asked for.</summary>
internal sealed record ImportRequest(string Kind, string Path, Actor Actor);

/// <summary>
/// Runs the page's imports one after another in the background (a request returns at once; the page shows the progress
/// the runs commit). An import interrupted by a restart of the application goes on when it is asked for again.
/// </summary>
internal sealed class ImportQueue(IServiceScopeFactory scopes, ILogger<ImportQueue> log) : BackgroundService
{
    readonly System.Threading.Channels.Channel<ImportRequest> _requests = System.Threading.Channels.Channel.CreateUnbounded<ImportRequest>();

    public void Enqueue(ImportRequest request) => _requests.Writer.TryWrite(request);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var request in _requests.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                using var scope = scopes.CreateScope();
                var outcome = await scope.ServiceProvider.GetRequiredService<ImportEngine>()
                    .RunAsync(request.Kind, request.Path, request.Actor, null, stoppingToken);
                log.LogInformation("import {RunId} of {Kind}: {Summary}", outcome.RunId, request.Kind, outcome.Summary);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogError(e, "import of {Kind} failed", request.Kind);
            }
        }
    }
}
