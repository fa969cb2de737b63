using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qonys.Web.Platform.Demo;

namespace Qonys.Web.Host;

/// <summary>The command line: serve by default, or one operator command.</summary>
internal static class QonysCommands
{
    public static async Task<int> RunAsync(string[] args)
    {
        var command = args.Length > 0 && !args[0].StartsWith('-') ? args[0] : "serve";
        var rest = command == "serve" && (args.Length == 0 || args[0].StartsWith('-')) ? args : args[1..];
        var app = QonysApp.Build(rest);
        switch (command)
        {
            case "serve":
                await QonysApp.PrepareAsync(app);
                await app.StartAsync();
                PrintBanner(app);
                await app.WaitForShutdownAsync();
                return 0;
            case "migrate":
            {
                using var scope = app.Services.CreateScope();
                var applied = await Migrator.MigrateAsync(scope.ServiceProvider.GetRequiredService<AppDb>());
                Console.WriteLine(applied.Count == 0 ? "database is up to date" : "applied: " + string.Join(", ", applied));
                return 0;
            }
            case "verify-audit":
            {
                using var scope = app.Services.CreateScope();
                var result = await AuditChain.VerifyAsync(scope.ServiceProvider.GetRequiredService<AppDb>(), default,
                    scope.ServiceProvider.GetRequiredService<AuditAnchoring>());
                Console.WriteLine(result.Intact
                    ? $"audit log intact: {result.EntriesChecked} entries in {result.ChainsChecked} chains checked"
                    : $"audit log BROKEN at chain {result.FirstBrokenShard}, entry {result.FirstBrokenSeq}: {result.Reason} ({result.EntriesChecked} entries before it are intact)");
                return result.Intact ? 0 : 3;
            }
            case "anchor-audit":
            {
                // Signs a checkpoint of every chain's head (docs/security.md); run it from a scheduler until a job does.
                using var scope = app.Services.CreateScope();
                var checkpoint = await scope.ServiceProvider.GetRequiredService<AuditAnchoring>().PublishAsync();
                Console.WriteLine($"audit checkpoint {checkpoint.Number} signed by key {checkpoint.KeyId}");
                return 0;
            }
            case "seed-demo":
            {
                var scale = int.Parse(Option(rest, "--scale") ?? "1", System.Globalization.CultureInfo.InvariantCulture);
                using var scope = app.Services.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDb>();
                await Migrator.MigrateAsync(db);
                await scope.ServiceProvider.GetRequiredService<ReferenceSeeder>().SeedAsync();
                var sw = System.Diagnostics.Stopwatch.StartNew();
                var rows = await scope.ServiceProvider.GetRequiredService<DemoDataSet>().LoadScaledAsync(scale, CancellationToken.None);
                Console.WriteLine($"loaded {rows} rows at scale {scale} in {sw.Elapsed.TotalSeconds:F1} s");
                return 0;
            }
            case "import":
            {
                // A registry file into the configured database (API.md "Operator commands"); run again after a crash to go on.
                var kind = Option(rest, "--kind");
                var file = Option(rest, "--file");
                if (kind is null || file is null)
                {
                    await Console.Error.WriteLineAsync("usage: import --kind persons|employers|contracts --file F.csv");
                    return 2;
                }
                using var scope = app.Services.CreateScope();
                var options = scope.ServiceProvider.GetRequiredService<IOptions<QonysOptions>>().Value;
                if (options.Database.MigrateOnStart ?? options.IsDemo) await Migrator.MigrateAsync(scope.ServiceProvider.GetRequiredService<AppDb>());
                await scope.ServiceProvider.GetRequiredService<ReferenceSeeder>().SeedAsync();
                try
                {
                    var outcome = await scope.ServiceProvider.GetRequiredService<Platform.Import.ImportEngine>()
                        .RunAsync(kind, file, Actor.System, null, CancellationToken.None);
                    Console.WriteLine(outcome.Summary);
                    if (outcome.Rejected > 0) Console.WriteLine($"rejected rows: {outcome.RejectsPath}");
                    return 0;
                }
                catch (Platform.Import.ImportException e)
                {
                    await Console.Error.WriteLineAsync(e.Message);
                    return 1;
                }
            }
            case "create-user":
            {
                // Production bootstrap: the first administrator (and any other account) without demo mode.
                // The password comes from the QONYS_PASSWORD environment variable, never the command line.
                var email = Option(rest, "--email");
                var role = Option(rest, "--role") ?? Roles.Administrator;
                var password = Environment.GetEnvironmentVariable("QONYS_PASSWORD");
                if (email is null || password is null || !Roles.All.Contains(role))
                {
                    await Console.Error.WriteLineAsync("usage: QONYS_PASSWORD=... create-user --email E [--role R] [--region KZ-NN] [--employer BIN]");
                    return 2;
                }
                using var scope = app.Services.CreateScope();
                var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
                var user = new AppUser
                {
                    Id = Guid.CreateVersion7(), UserName = email, Email = email, EmailConfirmed = true, DisplayName = email, Role = role,
                    RegionCode = Option(rest, "--region"), EmployerBin = Option(rest, "--employer"), CreatedAt = DateTime.UtcNow,
                };
                var created = await users.CreateAsync(user, password);
                if (!created.Succeeded)
                {
                    await Console.Error.WriteLineAsync(string.Join("; ", created.Errors.Select(e => e.Description)));
                    return 1;
                }
                var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
                await audit.RecordNowAsync(Actor.System, PlatformAuditEvents.UserCreated, "user", user.Id.ToString(), new { role, user.RegionCode });
                Console.WriteLine($"created {role} {email}");
                return 0;
            }
            case "rotate-keys":
            {
                // The integration clients' token keys (docs/security.md "Integration clients").
                using var scope = app.Services.CreateScope();
                await Migrator.MigrateAsync(scope.ServiceProvider.GetRequiredService<AppDb>());
                var rotation = await app.Services.GetRequiredService<OAuthKeyRing>().RotateAsync(CancellationToken.None);
                Console.WriteLine($"added keys {string.Join(", ", rotation.Added)} (signing from {rotation.SigningFrom:yyyy-MM-dd HH:mm:ss} UTC); " +
                                  $"removed {rotation.Removed.Count} expired keys");
                return 0;
            }
            case "create-client":
            {
                var clientId = Option(rest, "--id");
                var scopes = (Option(rest, "--scopes") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                if (clientId is null || scopes.Length == 0)
                {
                    await Console.Error.WriteLineAsync($"usage: create-client --id CLIENT --scopes S1,S2 [--name NAME]; scopes: {string.Join(",", IntegrationScopes.All)}");
                    return 2;
                }
                using var scope = app.Services.CreateScope();
                var created = await scope.ServiceProvider.GetRequiredService<IntegrationClients>()
                    .CreateAsync(clientId, Option(rest, "--name") ?? clientId, scopes, CancellationToken.None);
                if (created is null)
                {
                    await Console.Error.WriteLineAsync($"client '{clientId}' exists already, or a scope is not one of {string.Join(",", IntegrationScopes.All)}");
                    return 1;
                }
                Console.WriteLine($"client_id {created.ClientId}\nclient_secret {created.Secret}");
                return 0;
            }
            case "rotate-client-secret":
            {
                var clientId = Option(rest, "--id");
                if (clientId is null)
                {
                    await Console.Error.WriteLineAsync("usage: rotate-client-secret --id CLIENT");
                    return 2;
                }
                using var scope = app.Services.CreateScope();
                var secret = await scope.ServiceProvider.GetRequiredService<IntegrationClients>().RotateSecretAsync(clientId, CancellationToken.None);
                if (secret is null)
                {
                    await Console.Error.WriteLineAsync($"no client '{clientId}'");
                    return 1;
                }
                Console.WriteLine($"client_id {clientId}\nclient_secret {secret}");
                return 0;
            }
            case "schema-sql":
            {
                using var scope = app.Services.CreateScope();
                Console.WriteLine(scope.ServiceProvider.GetRequiredService<AppDb>().Database.GenerateCreateScript());
                return 0;
            }
            default:
                await Console.Error.WriteLineAsync($"unknown command '{command}': use serve, migrate, verify-audit, anchor-audit, create-user, create-client, rotate-client-secret, rotate-keys, seed-demo, import or schema-sql");
                return 2;
        }
    }

    static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    static void PrintBanner(WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<QonysOptions>>().Value;
        var url = app.Urls.FirstOrDefault() ?? "http://localhost:5000";
        Console.WriteLine();
        Console.WriteLine($"Qonys is running at {url}  (mode: {options.Mode}, database: {options.Database.Provider})");
        if (options.IsDemo)
        {
            Console.WriteLine($"Demo accounts (password {DemoAccounts.Password}):");
            foreach (var a in DemoAccounts.All)
                Console.WriteLine($"  {a.Email,-36} {a.Role}{(a.RegionCode is null ? "" : " " + a.RegionCode)}");
            Console.WriteLine($"Demo integration client (POST {url}{OAuthSetup.TokenPath}, grant_type=client_credentials, every events:* scope):");
            Console.WriteLine($"  client_id {IntegrationClients.DemoClientId}  client_secret {IntegrationClients.DemoClientSecret}");
        }
        Console.WriteLine("Press Ctrl+C to stop.");
    }
}
