using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Qonys.Web.Platform.Auth;

internal sealed class AppUser : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = "";
    /// <summary>The one role a user acts in (see <see cref="Roles"/>).</summary>
    public string Role { get; set; } = "";
    /// <summary>Region scope for officers and inspectors (ISO 3166-2:KZ).</summary>
    public string? RegionCode { get; set; }
    /// <summary>Organisation scope for employer accounts.</summary>
    public string? EmployerBin { get; set; }
    /// <summary>Person scope for applicants, migrants and household employers.</summary>
    public Guid? PersonId { get; set; }
    public string Culture { get; set; } = "kk";
    public DateTime CreatedAt { get; set; }
}

internal sealed class AppRole : IdentityRole<Guid>;

sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(200);
        b.Property(u => u.Role).HasMaxLength(32);
        b.Property(u => u.RegionCode).HasMaxLength(8);
        b.Property(u => u.EmployerBin).HasMaxLength(12);
        b.Property(u => u.Culture).HasMaxLength(8);
    }
}
