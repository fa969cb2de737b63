using Xunit.Abstractions;

namespace Qonys.IntegrationTests.Platform.OpenApi;

/// <summary>The OpenAPI document the running app serves passes Redocly CLI's recommended rules with no error.</summary>
[Collection(AppsCollection.Name)]
public sealed class OpenApiLintTests(Apps apps, ITestOutputHelper output)
{
    [RedoclyFact]
    public async Task The_document_passes_the_recommended_rules_of_Redocly_CLI_with_no_error()
    {
        var app = await apps.For(Provider.Sqlite);
        using var client = app.Anonymous();
        var file = Path.Combine(app.DataFolder, "openapi-v1.json");
        await File.WriteAllTextAsync(file, await client.GetStringAsync("/openapi/v1.json"));

        var (exit, report, errors) = await Redocly.LintAsync(file);

        var problems = report.GetProperty("problems").EnumerateArray()
            .Select(p => $"{p.GetProperty("severity").GetString()} {p.GetProperty("ruleId").GetString()}: " +
                         $"{p.GetProperty("message").GetString()} at " + string.Join(", ", p.GetProperty("location")
                             .EnumerateArray().Select(l => l.GetProperty("pointer").GetString())))
            .ToList();
        foreach (var problem in problems) output.WriteLine(problem);
        var failing = problems.Where(p => p.StartsWith("error", StringComparison.Ordinal));
        report.GetProperty("totals").GetProperty("errors").GetInt32().ShouldBe(0, string.Join('\n', failing));
        exit.ShouldBe(0, errors);
    }
}
