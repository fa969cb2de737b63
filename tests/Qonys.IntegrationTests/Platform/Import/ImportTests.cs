using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qonys.IntegrationTests.Security;
using Qonys.Web.Modules.Compliance.Domain;
using Qonys.Web.Modules.Registry.Domain;
using Qonys.Web.Platform.Audit;
using Qonys.Web.Platform.Auth;
using Qonys.Web.Platform.Import;

namespace Qonys.IntegrationTests.Platform.Import;

/// <summary>The import over the administrators' page and the list API, and the employers and contracts kinds.</summary>
[Collection(AppsCollection.Name)]
public sealed class ImportTests(Apps apps)
{
    const string DemoBin = "990340001230"; // an employer of the demo data: already registered, so skipped

    [Theory, OnSqlite, OnPostgres]
    public async Task An_uploaded_employers_file_is_imported_in_the_background_and_listed_with_its_rejects(Provider provider)
    {
        var app = await apps.For(provider);
        var (first, second) = (Demo.NewBin(), Demo.NewBin());
        var csv = $"bin,name,regionCode,okedSection\n{first},\"Steppe Build, LLP\",KZ-35,F\n{DemoBin},Known Employer,KZ-35,F\n" +
                  $"{second},Alatau Software,KZ-75,J\n{first[..11]}x,Bad Bin,KZ-35,F\n{Demo.NewBin()},No Section,KZ-35,Ω\n";
        using var admin = await Browser.SignedInAsync(app, Demo.Admin);
        var page = await admin.Http.GetStringAsync("/imports");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(Browser.FormToken(page)), "__RequestVerificationToken" },
            { new StringContent("employers"), "Kind" },
        };
        var upload = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        upload.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(upload, "Upload", "employers.csv");
        var posted = await admin.Http.PostAsync("/imports", form);
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect, await posted.Content.ReadAsStringAsync());

        using var api = await app.As(Demo.Admin);
        var run = await FinishedRunAsync(api, "employers.csv");
        (run.GetProperty("imported").GetInt64(), run.GetProperty("rejected").GetInt64(), run.GetProperty("skipped").GetInt64()).ShouldBe((2L, 2L, 1L));
        run.GetProperty("startedBy").GetString().ShouldBe(Demo.Admin);
        run.GetProperty("progress").GetDouble().ShouldBe(1);
        (await app.WithDbAsync(db => db.Set<Employer>().Where(e => e.Bin == first || e.Bin == second).Select(e => e.Name).ToListAsync()))
            .Order().ShouldBe(["Alatau Software", "Steppe Build, LLP"]);

        var rejects = await admin.Http.GetStringAsync(run.GetProperty("rejects").GetString());
        var lines = rejects.TrimEnd('\n').Split('\n');
        lines[0].ShouldBe("line,field,reason,record");
        lines[1].ShouldStartWith("5,bin,BIN must contain digits only,");
        lines[2].ShouldStartWith("6,okedSection,");
        lines.Length.ShouldBe(3);
        (await app.WithDbAsync(db => db.Set<AuditEntry>().CountAsync(a => a.Type == ImportEngine.ImportCompleted.Code && a.EntityId == run.GetProperty("id").GetString())))
            .ShouldBe(1);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Only_administrators_see_the_imports(Provider provider)
    {
        var app = await apps.For(provider);
        using var analyst = await app.As(Demo.Analyst);
        (await analyst.GetAsync("/api/v1/imports")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var browser = await Browser.SignedInAsync(app, Demo.Analyst);
        (await browser.Http.GetAsync("/imports")).StatusCode.ShouldNotBe(HttpStatusCode.OK);
        using var admin = await app.As(Demo.Admin);
        (await admin.GetAsync("/api/v1/imports")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_contracts_file_loads_each_contract_once_and_a_second_run_skips_them(Provider provider)
    {
        var app = await apps.For(provider);
        var id = Guid.NewGuid().ToString("N")[..10];
        var bin = Demo.NewBin();
        const string header = "contractId,employerBin,workerIin,workerPassportNumber,workerPassportCountry,position,occupationCode,monthlySalaryKzt,startOn,endOn,workRegionCode\n";
        var csv = header +
                  $"{id}-1,{bin},,E1234567,CN,Bricklayer,7112,350000,2026-01-15,2026-12-31,KZ-35\n" +
                  $"{id}-2,{bin},900101300017,,,Cook,5120,280000,2026-02-01,,KZ-35\n" +
                  $"{id}-3,{bin},,E7654321,CN,Manager,1,900000,2026-02-01,,KZ-35\n" + // a major group, not an occupation
                  $"{id}-1,{bin},,E1234567,CN,Bricklayer,7112,350000,2026-01-15,2026-12-31,KZ-35\n";
        var path = Path.Combine(app.DataFolder, $"contracts-{id}.csv");
        await File.WriteAllTextAsync(path, csv);

        var outcome = await RunAsync(app, "contracts", path);
        (outcome.Imported, outcome.Rejected, outcome.Skipped).ShouldBe((2L, 1L, 1L));
        var rows = await app.WithDbAsync(db => db.Set<EmploymentContract>().AsNoTracking().Where(c => c.EmployerBin == bin).OrderBy(c => c.ContractId).ToListAsync());
        rows.Select(c => c.ContractId).ShouldBe([$"{id}-1", $"{id}-2"]);
        rows[0].WorkerPassportCountry.ShouldBe("CN");
        rows[0].EndOn.ShouldBe(new DateOnly(2026, 12, 31));
        rows[0].Source.ShouldBe($"import contracts-{id}.csv line 2");
        rows[1].WorkerIin.ShouldBe("900101300017");
        rows[1].EndOn.ShouldBeNull();
        (await File.ReadAllLinesAsync(outcome.RejectsPath)).Skip(1).ShouldHaveSingleItem().ShouldStartWith("4,occupationCode,");

        var again = await RunAsync(app, "contracts", path);
        again.Resumed.ShouldBeFalse();
        (again.Imported, again.Rejected, again.Skipped).ShouldBe((0L, 1L, 3L));
        (await File.ReadAllLinesAsync(outcome.RejectsPath)).Length.ShouldBe(2);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_file_without_a_needed_column_is_refused_before_anything_is_written(Provider provider)
    {
        var app = await apps.For(provider);
        var path = Path.Combine(app.DataFolder, $"persons-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, "iin,fullName,regionCode\n900101300017,Name,KZ-35\n");
        var refused = await Should.ThrowAsync<ImportException>(() => RunAsync(app, "persons", path));
        refused.Message.ShouldContain("birthDate");
    }

    static async Task<ImportOutcome> RunAsync(TestApp app, string kind, string path)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ImportEngine>().RunAsync(kind, path, Actor.System, null, CancellationToken.None);
    }

    static async Task<JsonElement> FinishedRunAsync(HttpClient api, string fileEnding)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            var runs = await api.GetFromJsonAsync<JsonElement>("/api/v1/imports");
            var run = runs.EnumerateArray().FirstOrDefault(r => r.GetProperty("file").GetString()!.EndsWith(fileEnding, StringComparison.Ordinal));
            if (run.ValueKind == JsonValueKind.Object && run.GetProperty("status").GetString() == ImportStatus.Finished) return run;
            await Task.Delay(100);
        }
        throw new TimeoutException("the uploaded import did not finish within 30 s");
    }
}
