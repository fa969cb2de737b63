namespace Qonys.Bench;

/// <summary>A benchmark whose figures must not be used (an error, an oversubscribed or inconsistent ledger, a wrong checksum): the run exits with code 1.</summary>
internal sealed class BenchmarkFailedException(string message) : Exception(message);
