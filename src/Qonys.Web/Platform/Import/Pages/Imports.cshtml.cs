using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Qonys.Web.Platform.Import.Pages;

/// <summary>
/// Administrators start an import (upload a file, or name one in the import folder on the server) and follow the runs:
/// progress, counts, and the rejects file of each.
/// </summary>
[Authorize(Policy = ImportSetup.ImportsManage)]
internal sealed class ImportsModel(AppDb db, ImportEngine engine, ImportQueue queue, IOptions<QonysOptions> options, IStringLocalizer t)
    : SignedInPageModel
{
    [BindProperty] public string? Kind { get; set; }
    [BindProperty] public string? ServerFile { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }

    public IReadOnlyList<ImportRunResponse> Runs { get; private set; } = [];
    public IReadOnlyList<string> Kinds => engine.Kinds;
    public string Folder => ImportSetup.Folder(options.Value);
    public string? Problem { get; private set; }
    public string? Started { get; private set; }
    public bool AnyRunning => Runs.Any(r => r.Status == ImportStatus.Running);

    public async Task OnGetAsync([FromQuery] string? started, CancellationToken ct)
    {
        Started = started;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var path = await ChosenFileAsync(ct);
        if (path is not null && Kind is not null)
        {
            Problem = await engine.ProblemAsync(Kind, path, ct);
            if (Problem is null)
            {
                queue.Enqueue(new ImportRequest(Kind, path, Actor));
                return Redirect("/imports?started=" + Uri.EscapeDataString(Path.GetFileName(path)));
            }
        }
        else Problem ??= t[Kind is null ? "imports.need_kind" : "imports.need_file"];
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>The rejects file of a run.</summary>
    public async Task<IActionResult> OnGetRejectsAsync(Guid id, CancellationToken ct)
    {
        var run = await db.Set<ImportRun>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (run is null || !System.IO.File.Exists(run.RejectsPath)) return NotFound();
        var stream = new FileStream(run.RejectsPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return File(stream, "text/csv; charset=utf-8", Path.GetFileName(run.RejectsPath));
    }

    /// <summary>The uploaded file saved in the import folder, or the named file of that folder; null with the problem set.</summary>
    async Task<string?> ChosenFileAsync(CancellationToken ct)
    {
        Directory.CreateDirectory(Folder);
        if (Upload is { Length: > 0 })
        {
            var name = $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..6]}-{SafeName(Upload.FileName)}";
            var saved = Path.Combine(Folder, name);
            await using var target = new FileStream(saved, FileMode.CreateNew);
            await Upload.CopyToAsync(target, ct);
            return saved;
        }
        if (string.IsNullOrWhiteSpace(ServerFile)) return null;
        var full = Path.GetFullPath(Path.Combine(Folder, ServerFile.Trim()));
        if (!full.StartsWith(Folder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            Problem = t["imports.outside", Folder];
            return null;
        }
        return full;
    }

    static string SafeName(string name)
    {
        var file = Path.GetFileName(name);
        var safe = new string(file.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_').ToArray());
        return safe.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? safe : safe + ".csv";
    }

    async Task LoadAsync(CancellationToken ct) => Runs = (await ImportSetup.Latest(db, ct)).Select(ImportRunResponse.From).ToList();
}
