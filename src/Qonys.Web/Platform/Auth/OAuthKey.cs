using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Qonys.Web.Platform.Auth;

/// <summary>
/// One key of the integration clients' token key set (<see cref="OAuthKeyRing"/>): a self-signed X.509 certificate with
/// its private key, used to sign (<see cref="Signing"/>) or encrypt (<see cref="Encryption"/>) access tokens. Kept in
/// the database so that every app node signs and validates with the same set.
/// </summary>
internal sealed class OAuthKey
{
    public const string Signing = "signing";
    public const string Encryption = "encryption";

    public string Id { get; set; } = "";
    public string Use { get; set; } = "";
    /// <summary>The certificate and its private key, PKCS#12, base64.</summary>
    public string Certificate { get; set; } = "";
    /// <summary>From then on the key signs (encrypts) new tokens; before, it only validates.</summary>
    public DateTime NotBefore { get; set; }
    public DateTime NotAfter { get; set; }
    public DateTime CreatedAt { get; set; }
}

sealed class OAuthKeyConfiguration : IEntityTypeConfiguration<OAuthKey>
{
    public void Configure(EntityTypeBuilder<OAuthKey> b)
    {
        b.ToTable("auth_oauth_keys");
        b.HasKey(k => k.Id);
        b.Property(k => k.Id).HasMaxLength(64);
        b.Property(k => k.Use).HasMaxLength(16);
    }
}
