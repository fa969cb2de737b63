using System.Text.Json.Serialization;
using Qonys.Web.Modules.Permits.Domain;
using Qonys.Web.Platform.Outbox;

namespace Qonys.Web.Modules.Permits.Events;

/// <summary>
/// The events the permits module tells other state systems (docs/api.md "Outbound events"). They name the employer (BIN),
/// the region, the category and the occupation a consumer needs to act on a permit, and never the worker: no name,
/// passport, IIN or birth date (a consumer entitled to the holder reads the permit through the API under its own access).
/// </summary>
internal static class PermitsOutboundEvents
{
    /// <summary>The module's event types, one line each.</summary>
    public static void AddPermitsOutboundEvents(this IServiceCollection services)
    {
        services.AddOutboundEvent<PermitIssuedV1>();
        services.AddOutboundEvent<PermitRevokedV1>();
        services.AddOutboundEvent<PermitExpiredV1>();
        services.AddOutboundEvent<ApplicationStatusChangedV1>();
        services.AddOutboundEvent<QuotaRevisedV1>();
    }

    public static PermitIssuedV1 Issued(Permit p) => new(p.Number, p.ApplicationId, p.EmployerBin, p.RegionCode, p.Category, p.OccupationCode,
        p.OkedSection, p.IssuedOn, p.ValidFrom, p.ValidUntil, p.Status);

    public static ApplicationStatusChangedV1 StatusChanged(PermitApplication a, string? from, string to, DateTime at, IEnumerable<string> permitNumbers) =>
        new(a.Id, a.EmployerBin, a.RegionCode, a.Category, a.QuotaYear, from, to, at, permitNumbers.Order(StringComparer.Ordinal).ToList());
}

[OutboundEvent("kz.qonys.permit.issued.v1", "permit",
    "A work permit was issued on the approval of its application. Status awaiting_fee: it becomes valid when the application's " +
    "status changes to fee_paid; active: valid from validFrom.")]
internal sealed record PermitIssuedV1(string PermitNumber, Guid ApplicationId, string EmployerBin, string RegionCode, string Category,
    string OccupationCode, string OkedSection, DateOnly IssuedOn, DateOnly ValidFrom, DateOnly ValidUntil, string Status) : IOutboundEvent
{
    [JsonIgnore] public string Subject => PermitNumber;
}

[OutboundEvent("kz.qonys.permit.revoked.v1", "permit",
    "An officer or an administrator revoked a work permit: it is not valid from endedOn on. The reason stays with the case.")]
internal sealed record PermitRevokedV1(string PermitNumber, Guid ApplicationId, string EmployerBin, string RegionCode, string PreviousStatus,
    DateOnly EndedOn) : IOutboundEvent
{
    [JsonIgnore] public string Subject => PermitNumber;
}

[OutboundEvent("kz.qonys.permit.expired.v1", "permit", "A work permit reached the end of its validity (validUntil was its last valid day).")]
internal sealed record PermitExpiredV1(string PermitNumber, Guid ApplicationId, string EmployerBin, string RegionCode, DateOnly ValidUntil) : IOutboundEvent
{
    [JsonIgnore] public string Subject => PermitNumber;
}

[OutboundEvent("kz.qonys.permit_application.status_changed.v1", "permit_application",
    "A permit application changed status: submitted or checks_failed (previousStatus null), approved, fee_paid, rejected, withdrawn, " +
    "lapsed. permitNumbers lists the application's permits (issued on approval; on fee_paid they became active; on lapsed cancelled).")]
internal sealed record ApplicationStatusChangedV1(Guid ApplicationId, string EmployerBin, string RegionCode, string Category, int QuotaYear,
    string? PreviousStatus, string Status, DateTime ChangedAt, IReadOnlyList<string> PermitNumbers) : IOutboundEvent
{
    [JsonIgnore] public string Subject => ApplicationId.ToString();
}

[OutboundEvent("kz.qonys.quota.revised.v1", "quota",
    "An administrator set or revised the cap of a quota (year, region, category); previousCap is null when the quota was new. " +
    "The subject is \"year/regionCode/category\".")]
internal sealed record QuotaRevisedV1(int Year, string RegionCode, string Category, int? PreviousCap, int Cap) : IOutboundEvent
{
    [JsonIgnore] public string Subject => $"{Year}/{RegionCode}/{Category}";
}
