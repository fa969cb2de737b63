namespace Qonys.Web.Platform.Security;

/// <summary>Settings under "Qonys:Security" (docs/security.md "Headers and HTTPS").</summary>
internal sealed class SecurityOptions
{
    public const string Section = "Qonys:Security";

    /// <summary>
    /// TLS is terminated at a reverse proxy: trust its X-Forwarded-Proto and X-Forwarded-For, so a request that reached
    /// the proxy over HTTPS is HTTPS here (HSTS, Secure cookies) and the client's address is the source of sign-ins.
    /// </summary>
    public bool BehindProxy { get; set; }

    /// <summary>Addresses of the proxies whose forwarded headers are trusted (loopback is always trusted).</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Strict-Transport-Security max-age, sent on HTTPS responses only.</summary>
    public int HstsMaxAgeDays { get; set; } = 365;
}
