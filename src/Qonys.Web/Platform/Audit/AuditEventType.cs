namespace Qonys.Web.Platform.Audit;

/// <summary>What an audit entry records: a change, a read of personal data, or a refused access.</summary>
internal enum AuditKind { Change, PersonalDataRead, AccessDenied, Security }

/// <summary>A typed audit event. Modules declare theirs as static fields (the catalogue), never ad-hoc strings.</summary>
internal sealed record AuditEventType(string Code, AuditKind Kind);

/// <summary>The platform's own audit events; each module keeps its catalogue beside its use cases.</summary>
internal static class PlatformAuditEvents
{
    public static readonly AuditEventType LoginSucceeded = new("auth.login_succeeded", AuditKind.Security);
    public static readonly AuditEventType LoginFailed = new("auth.login_failed", AuditKind.Security);
    public static readonly AuditEventType AccountLockedOut = new("auth.account_locked_out", AuditKind.Security);
    public static readonly AuditEventType AuthorizationFailed = new("auth.authorization_failed", AuditKind.AccessDenied);
    public static readonly AuditEventType RecordOutOfScope = new("auth.record_out_of_scope", AuditKind.AccessDenied);
    public static readonly AuditEventType UserCreated = new("auth.user_created", AuditKind.Change);
    public static readonly AuditEventType ClientCreated = new("auth.client_created", AuditKind.Security);
    public static readonly AuditEventType ClientSecretRotated = new("auth.client_secret_rotated", AuditKind.Security);
    public static readonly AuditEventType TokenKeysRotated = new("auth.token_keys_rotated", AuditKind.Security);
    public static readonly AuditEventType EmployerRegistered = new("registry.employer_registered", AuditKind.Change);
    public static readonly AuditEventType AuditVerified = new("audit.verified", AuditKind.Security);
    public static readonly AuditEventType DemoDataLoaded = new("platform.demo_data_loaded", AuditKind.Change);
}
