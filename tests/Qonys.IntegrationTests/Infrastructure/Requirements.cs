namespace Qonys.IntegrationTests.Infrastructure;

/// <summary>
/// What a test needs from outside the repository (PostgreSQL, Chromium, RabbitMQ). On a developer's machine a test whose
/// requirement is missing is skipped, saying why. Under <c>CI=true</c> it is never skipped: CI installs every requirement,
/// so the test runs and fails with the same reason (and scripts/test.sh counts any such skip in CI as a failure).
/// </summary>
public static class Requirements
{
    public static bool InCi { get; } = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The skip reason for a test whose requirement may be missing: null (run it) when present or in CI.</summary>
    public static string? SkipReason(bool available, string reason, bool inCi) => available || inCi ? null : reason;

    /// <summary><see cref="SkipReason(bool, string, bool)"/> for this run.</summary>
    public static string? SkipReason(bool available, string reason) => SkipReason(available, reason, InCi);
}
