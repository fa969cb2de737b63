namespace Qonys.Web.Modules.Compliance;

/// <summary>The compliance module's audit events.</summary>
internal static class ComplianceAuditEvents
{
    public static readonly AuditEventType ContractRecorded = new("compliance.employment_contract_recorded", AuditKind.Change);
    public static readonly AuditEventType ContractsRead = new("compliance.employment_contracts_read", AuditKind.PersonalDataRead);
    public static readonly AuditEventType OverstaysRead = new("compliance.overstays_read", AuditKind.PersonalDataRead);
    public static readonly AuditEventType PaymentRecorded = new("compliance.contribution_recorded", AuditKind.Change);
}
