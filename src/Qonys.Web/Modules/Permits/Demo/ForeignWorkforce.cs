namespace Qonys.Web.Modules.Permits.Demo;

/// <summary>
/// The planned foreign workers of one copy (published by <see cref="ForeignWorkforceDemoPlan"/> for <see cref="PermitsDemoData"/>).
/// </summary>
internal sealed record ForeignWorkforce(IReadOnlyList<PlannedWorker> Workers);
