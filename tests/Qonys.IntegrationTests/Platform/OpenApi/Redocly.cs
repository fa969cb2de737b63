using System.Diagnostics;

namespace Qonys.IntegrationTests.Platform.OpenApi;

/// <summary>
/// Redocly CLI as tests/tools/openapi-lint installs it (package.json and package-lock.json, <c>npm ci</c> on first
/// use, never a global install).
/// </summary>
static class Redocly
{
    const string ToolFolder = "tests/tools/openapi-lint";
    static readonly Lazy<string?> Problem = new(Install);

    /// <summary>CI must run the lint: there a missing npm or package fails the test instead of skipping it.</summary>
    public static bool InCi =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why the linter cannot run here, or null when it is installed.</summary>
    public static string? Unavailable => Problem.Value;

    static string? Folder => FindFolder(AppContext.BaseDirectory);

    static string Cli => Path.Combine(Folder!, "node_modules", "@redocly", "cli", "bin", "cli.js");

    /// <summary>Lints a document by the recommended rules (redocly.yaml): the exit code and the JSON report.</summary>
    public static async Task<(int ExitCode, JsonElement Report, string Errors)> LintAsync(string document)
    {
        if (Unavailable is { } reason) throw new InvalidOperationException(reason);
        var (exit, stdout, stderr) =
            await RunAsync("node", [Cli, "lint", document, "--format=json"], TimeSpan.FromMinutes(3));
        return (exit, JsonDocument.Parse(stdout).RootElement.Clone(), stderr);
    }

    static string? Install()
    {
        if (Folder is null) return $"{ToolFolder} was not found above {AppContext.BaseDirectory}.";
        if (FindOnPath("npm") is null || FindOnPath("node") is null)
            return $"npm is not installed: the OpenAPI lint test installs @redocly/cli from {ToolFolder} with npm ci.";
        if (File.Exists(Path.Combine(Folder, "node_modules", ".package-lock.json")) && File.Exists(Cli)) return null;
        try
        {
            var (exit, stdout, stderr) = RunAsync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"],
                TimeSpan.FromMinutes(5)).GetAwaiter().GetResult();
            if (exit != 0) return $"npm ci in {ToolFolder} failed ({exit}): {stderr.Trim()} {stdout.Trim()}";
        }
        catch (Exception e) when (e is TimeoutException or System.ComponentModel.Win32Exception)
        {
            return $"npm ci in {ToolFolder} did not complete: {e.Message}";
        }
        return File.Exists(Cli) ? null : $"npm ci in {ToolFolder} did not install @redocly/cli ({Cli}).";
    }

    static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(
        string file, string[] arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = Folder!, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', arguments)} ran longer than {timeout}.");
        }
        return (process.ExitCode, await stdout, await stderr);
    }

    static string? FindFolder(string from)
    {
        for (var dir = new DirectoryInfo(from); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, ToolFolder);
            if (File.Exists(Path.Combine(candidate, "package.json"))) return candidate;
        }
        return null;
    }

    static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);
}

/// <summary>
/// A fact that needs Redocly CLI: skipped, saying why, where npm or the package is missing; under CI=true never
/// skipped, so there the test fails with the reason instead.
/// </summary>
public sealed class RedoclyFactAttribute : FactAttribute
{
    public RedoclyFactAttribute()
    {
        if (!Redocly.InCi && Redocly.Unavailable is { } reason) Skip = reason;
    }
}
