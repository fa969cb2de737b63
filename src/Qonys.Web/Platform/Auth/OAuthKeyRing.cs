using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Qonys.Web.Platform.Auth;

/// <summary>
/// The key set that signs and encrypts integration clients' access tokens, kept in the database (<see cref="OAuthKey"/>),
/// never in the code or the configuration. <see cref="RotateAsync"/> (the <c>rotate-keys</c> command) adds a new
/// signing and encryption key that starts signing after <see cref="ClientAuthOptions.KeyActivationSeconds"/>; the
/// previous keys stay in the set, validating the tokens they signed, until those tokens have expired, and a later
/// rotation removes them. Every node reads the set again every <see cref="ClientAuthOptions.KeyRefreshSeconds"/>
/// (<see cref="OAuthKeyRefresh"/>) and rebuilds the token options when it changed.
/// </summary>
internal sealed class OAuthKeyRing(IServiceScopeFactory scopes, IOptions<QonysOptions> options, TimeProvider clock)
{
    CancellationTokenSource _serverChanged = new();
    CancellationTokenSource _validationChanged = new();
    string _loaded = "";

    public sealed record LoadedKey(OAuthKey Key, X509Certificate2 Certificate);
    public sealed record Rotation(IReadOnlyList<string> Added, IReadOnlyList<string> Removed, DateTime SigningFrom);

    ClientAuthOptions Settings => options.Value.Auth.Clients;

    /// <summary>Fires when the key set changed: the server's token options are built again from <see cref="Load"/>.</summary>
    public IChangeToken ServerChangeToken => new CancellationChangeToken(_serverChanged.Token);

    /// <summary>
    /// Fires right after <see cref="ServerChangeToken"/>: the validation's options copy the server's keys, and an options
    /// monitor rebuilds its options as soon as its token fires, so the server's must be rebuilt first.
    /// </summary>
    public IChangeToken ValidationChangeToken => new CancellationChangeToken(_validationChanged.Token);

    /// <summary>The key set, newest first; a first signing and encryption key are created where the set has none.</summary>
    public IReadOnlyList<LoadedKey> Load()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var keys = db.Set<OAuthKey>().AsNoTracking().ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        var missing = new[] { OAuthKey.Signing, OAuthKey.Encryption }.Where(use => keys.All(k => k.Use != use)).ToList();
        if (missing.Count > 0)
        {
            // The very first keys sign at once: no node can know an older set.
            var created = missing.Select(use => NewKey(use, now.AddMinutes(-1), now)).ToList();
            db.AddRange(created);
            db.SaveChanges();
            keys.AddRange(created);
        }
        _loaded = Fingerprint(keys, now);
        return keys.OrderByDescending(k => k.NotBefore)
            .Select(k => new LoadedKey(k, X509CertificateLoader.LoadPkcs12(Convert.FromBase64String(k.Certificate), null, X509KeyStorageFlags.EphemeralKeySet)))
            .ToList();
    }

    /// <summary>
    /// Adds a new signing and encryption key (signing after the activation delay) and removes the keys whose last token
    /// has expired: those a newer key replaced more than one token lifetime ago.
    /// </summary>
    public async Task<Rotation> RotateAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var now = clock.GetUtcNow().UtcDateTime;
        var signingFrom = now.AddSeconds(Settings.KeyActivationSeconds);
        var added = new[] { NewKey(OAuthKey.Signing, signingFrom, now), NewKey(OAuthKey.Encryption, signingFrom, now) };
        var keys = await db.Set<OAuthKey>().ToListAsync(ct);
        var lifetime = TimeSpan.FromSeconds(Settings.AccessTokenLifetimeSeconds);
        var removed = new List<OAuthKey>();
        foreach (var use in keys.GroupBy(k => k.Use))
        {
            var ordered = use.OrderBy(k => k.NotBefore).ToList();
            for (var i = 0; i < ordered.Count - 1; i++)
            {
                // Replaced when the next key began to sign; its tokens are all expired one lifetime later.
                var replacedAt = ordered[i + 1].NotBefore;
                if (replacedAt <= now && replacedAt + lifetime < now) removed.Add(ordered[i]);
            }
        }
        db.RemoveRange(removed);
        db.AddRange(added);
        await db.SaveChangesAsync(ct);
        await scope.ServiceProvider.GetRequiredService<AuditLog>().RecordNowAsync(Actor.System, PlatformAuditEvents.TokenKeysRotated, "oauth_keys",
            string.Join(",", added.Select(k => k.Id)), new { removed = removed.Select(k => k.Id).ToArray(), signingFrom }, ct);
        Signal();
        return new Rotation(added.Select(k => k.Id).ToList(), removed.Select(k => k.Id).ToList(), signingFrom);
    }

    /// <summary>Reads which keys exist and which sign; signals a change when that differs from the set last loaded.</summary>
    public async Task RefreshAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var keys = await db.Set<OAuthKey>().AsNoTracking()
            .Select(k => new OAuthKey { Id = k.Id, Use = k.Use, NotBefore = k.NotBefore }).ToListAsync(ct);
        if (Fingerprint(keys, clock.GetUtcNow().UtcDateTime) != _loaded) Signal();
    }

    void Signal()
    {
        Fire(ref _serverChanged);
        Fire(ref _validationChanged);
    }

    static void Fire(ref CancellationTokenSource source)
    {
        var previous = Interlocked.Exchange(ref source, new CancellationTokenSource());
        previous.Cancel();
        previous.Dispose();
    }

    /// <summary>The keys and, of each, whether it already signs: a key that becomes active changes the signing key.</summary>
    static string Fingerprint(IEnumerable<OAuthKey> keys, DateTime now) =>
        string.Join(";", keys.OrderBy(k => k.Id, StringComparer.Ordinal).Select(k => k.Id + (k.NotBefore <= now ? "+" : "-")));

    OAuthKey NewKey(string use, DateTime notBefore, DateTime now)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN=Qonys token {use}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            use == OAuthKey.Signing ? X509KeyUsageFlags.DigitalSignature : X509KeyUsageFlags.KeyEncipherment, critical: true));
        // Certificates carry whole seconds: the key counts as active from the second it is written with.
        var from = new DateTime(notBefore.Ticks - notBefore.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
        using var certificate = request.CreateSelfSigned(from, from.AddDays(Settings.KeyLifetimeDays));
        return new OAuthKey
        {
            Id = certificate.Thumbprint, Use = use, Certificate = Convert.ToBase64String(certificate.Export(X509ContentType.Pkcs12)),
            NotBefore = from, NotAfter = certificate.NotAfter.ToUniversalTime(), CreatedAt = now,
        };
    }
}

/// <summary>Every node, every <see cref="ClientAuthOptions.KeyRefreshSeconds"/>: the key set again (see <see cref="OAuthKeyRing"/>).</summary>
internal sealed class OAuthKeyRefresh(OAuthKeyRing ring, IOptions<QonysOptions> options, ILogger<OAuthKeyRefresh> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(Math.Max(1, options.Value.Auth.Clients.KeyRefreshSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            try { await Task.Delay(interval, stoppingToken); }
            catch (OperationCanceledException) { return; }
            try
            {
                await ring.RefreshAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Reading the token key set failed; retrying in {Interval}", interval);
            }
        }
    }
}
