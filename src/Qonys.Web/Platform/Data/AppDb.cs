using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using OpenIddict.EntityFrameworkCore.Models;

namespace Qonys.Web.Platform.Data;

/// <summary>
/// The one database context. Each module contributes its tables through
/// <see cref="IEntityTypeConfiguration{TEntity}"/> classes in its own Data folder; table names carry
/// the module's prefix and every name is snake_case so hand-written SQL reads the same on both providers.
/// </summary>
internal sealed class AppDb
    : IdentityDbContext<AppUser, AppRole, Guid, IdentityUserClaim<Guid>, IdentityUserRole<Guid>,
        IdentityUserLogin<Guid>, IdentityRoleClaim<Guid>, IdentityUserToken<Guid>>
{
    /// <summary>
    /// No transaction is used any further after a failed save (every caller rolls it back), so the savepoint EF would
    /// wrap each save inside a transaction in (two more round trips, inside the locks) buys nothing.
    /// </summary>
    public AppDb(DbContextOptions<AppDb> options) : base(options) => Database.AutoSavepointsEnabled = false;

    public bool IsPostgres => Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<AppUser>().ToTable("auth_users");
        builder.Entity<AppRole>().ToTable("auth_roles");
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("auth_user_claims");
        builder.Entity<IdentityUserRole<Guid>>().ToTable("auth_user_roles");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("auth_user_logins");
        builder.Entity<IdentityRoleClaim<Guid>>().ToTable("auth_role_claims");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("auth_user_tokens");
        // Integration clients (OAuth client credentials, OpenIddict's stores): Platform/Auth/OAuthSetup.
        builder.UseOpenIddict();
        builder.Entity<OpenIddictEntityFrameworkCoreApplication>().ToTable("auth_oauth_applications");
        builder.Entity<OpenIddictEntityFrameworkCoreAuthorization>().ToTable("auth_oauth_authorizations");
        builder.Entity<OpenIddictEntityFrameworkCoreScope>().ToTable("auth_oauth_scopes");
        builder.Entity<OpenIddictEntityFrameworkCoreToken>().ToTable("auth_oauth_tokens");
        builder.ApplyConfigurationsFromAssembly(typeof(AppDb).Assembly);
        ModelConventions.Apply(builder);
    }

    /// <summary>
    /// Saves; false, with nothing tracked any more, when a concurrent writer won (a unique index or a conditional
    /// check refused the rows). The caller's transaction, if any, must then be rolled back.
    /// </summary>
    public async Task<bool> TrySaveChangesAsync(CancellationToken ct)
    {
        try
        {
            await SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            ChangeTracker.Clear();
            return false;
        }
    }
}
