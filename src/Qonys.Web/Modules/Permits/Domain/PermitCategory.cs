namespace Qonys.Web.Modules.Permits.Domain;

/// <summary>
/// Work-permit categories: 1 heads and deputies, 2 heads of structural divisions, 3 specialists, 4 skilled workers,
/// seasonal workers, intra-corporate transfers (ICT). Codes are the API's strings.
/// </summary>
internal static class PermitCategory
{
    public const string Heads = "1";
    public const string DivisionHeads = "2";
    public const string Specialists = "3";
    public const string SkilledWorkers = "4";
    public const string Seasonal = "seasonal";
    public const string Ict = "ict";

    public static readonly IReadOnlyList<string> All = [Heads, DivisionHeads, Specialists, SkilledWorkers, Seasonal, Ict];

    public static bool IsValid(string? code) => code is not null && All.Contains(code);

    /// <summary>Categories 1–4 are the staff categories the local-content rule counts.</summary>
    public static int? StaffCategory(string code) => code switch
    {
        Heads => 1, DivisionHeads => 2, Specialists => 3, SkilledWorkers => 4, _ => null,
    };

    public static bool HasQuota(string code) => code != Ict;
}

/// <summary>Application statuses. The status is derived from the case history (see <see cref="CaseHistory"/>).</summary>
internal static class ApplicationStatus
{
    public const string Submitted = "submitted";
    public const string ChecksFailed = "checks_failed";
    public const string Approved = "approved";
    public const string FeePaid = "fee_paid";
    public const string Rejected = "rejected";
    public const string Withdrawn = "withdrawn";
    public const string Lapsed = "lapsed";
}

/// <summary>Permit statuses: issued permits wait for the fee (except ICT), are active, then end one way or another.</summary>
internal static class PermitStatus
{
    public const string AwaitingFee = "awaiting_fee";
    public const string Active = "active";
    public const string Revoked = "revoked";
    public const string Expired = "expired";
    public const string Cancelled = "cancelled";
    public const string Replaced = "replaced";
}

/// <summary>Actions recorded in a case's append-only history.</summary>
internal static class CaseActionType
{
    public const string Submit = "submit";
    public const string Approve = "approve";
    public const string Reject = "reject";
    public const string Withdraw = "withdraw";
    public const string PayFee = "pay_fee";
    public const string Lapse = "lapse";

    // Actions on one permit (CaseAction.PermitNumber set).
    public const string RequestExtension = "request_extension";
    public const string Extend = "extend";
    public const string RejectExtension = "reject_extension";
    public const string RequestReplacement = "request_replacement";
    public const string ReplaceWorker = "replace_worker";
    public const string IssueReplacement = "issue_replacement";
    public const string RejectReplacement = "reject_replacement";
    public const string Revoke = "revoke";
    public const string Expire = "expire";
    public const string Cancel = "cancel";
}
