using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Qonys.Web.Platform.Demo;

/// <summary>The demo accounts of API.md. Created only in demo mode, never in production.</summary>
internal sealed class DemoAccounts(UserManager<AppUser> users, AppDb db, TimeProvider clock)
{
    public const string Password = "Qonys-Demo-2026!";
    /// <summary>The demo employer (Karaganda, construction) that employer@demo.qonys.kz acts for.</summary>
    public const string DemoEmployerBin = "990340001230";

    public sealed record Account(string Email, string Role, string DisplayName, string? RegionCode = null, string? EmployerBin = null);

    public static readonly IReadOnlyList<Account> All =
    [
        new("admin@demo.qonys.kz", Roles.Administrator, "Demo Administrator"),
        new("analyst@demo.qonys.kz", Roles.Analyst, "Demo Analyst"),
        new("auditor@demo.qonys.kz", Roles.Auditor, "Demo Auditor"),
        new("officer.karaganda@demo.qonys.kz", Roles.Officer, "Demo Officer (Karaganda)", "KZ-35"),
        new("officer.astana@demo.qonys.kz", Roles.Officer, "Demo Officer (Astana)", "KZ-71"),
        new("inspector.karaganda@demo.qonys.kz", Roles.Inspector, "Demo Inspector (Karaganda)", "KZ-35"),
        new("employer@demo.qonys.kz", Roles.Employer, "Demo Employer", EmployerBin: DemoEmployerBin),
        new("applicant@demo.qonys.kz", Roles.Applicant, "Demo Applicant"),
    ];

    /// <summary>The integration client's former password account: integration clients now use OAuth client credentials.</summary>
    const string RetiredIntegrationAccount = "integration@demo.qonys.kz";

    public async Task EnsureAsync()
    {
        if (await users.FindByEmailAsync(RetiredIntegrationAccount) is { } retired) await users.DeleteAsync(retired);
        foreach (var a in All)
        {
            if (await users.FindByEmailAsync(a.Email) is not null) continue;
            var user = new AppUser
            {
                Id = Guid.CreateVersion7(), UserName = a.Email, Email = a.Email, EmailConfirmed = true, DisplayName = a.DisplayName,
                Role = a.Role, RegionCode = a.RegionCode, EmployerBin = a.EmployerBin, CreatedAt = clock.GetUtcNow().UtcDateTime,
                Culture = "en",
            };
            var created = await users.CreateAsync(user, Password);
            if (!created.Succeeded && !await db.Set<AppUser>().AnyAsync(u => u.Email == a.Email))
                throw new InvalidOperationException("demo account " + a.Email + ": " +
                                                    string.Join("; ", created.Errors.Select(e => e.Description)));
        }
    }
}
