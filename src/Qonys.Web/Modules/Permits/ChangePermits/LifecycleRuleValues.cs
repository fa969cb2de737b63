using Qonys.Web.Modules.Permits.Domain;

namespace Qonys.Web.Modules.Permits.ChangePermits;

/// <summary>Reads the rule values of the permit lifecycle with their versions.</summary>
internal static class LifecycleRuleValues
{
    public static async Task<RuleParameter> ParameterAsync(ReferenceData refs, string key, DateOnly on, CancellationToken ct)
    {
        var value = await refs.RequireRuleAsync(key, on, ct);
        return new RuleParameter(value.Value, value.EffectiveFrom);
    }

    public static async Task<ExtensionRuleValues> ExtensionAsync(ReferenceData refs, DateOnly on, CancellationToken ct) => new(
        await ParameterAsync(refs, "deadline.extension_window_days_before_expiry.max", on, ct),
        await ParameterAsync(refs, "deadline.extension_window_days_before_expiry.min", on, ct),
        await ParameterAsync(refs, "permit.extensions.cat23.max", on, ct),
        await ParameterAsync(refs, "permit.term_months.cat23.max", on, ct),
        await ParameterAsync(refs, "ict.extension_months", on, ct),
        // Added with the lifecycle; a database seeded before it has no row, and the rules' "one extension" applies.
        await refs.RuleAsync("ict.extensions.max", on, ct) is { } ict ? new RuleParameter(ict.Value, ict.EffectiveFrom) : new RuleParameter(1, new DateOnly(2025, 1, 1)),
        await ParameterAsync(refs, "permit.term_months.cat1.max", on, ct));
}
