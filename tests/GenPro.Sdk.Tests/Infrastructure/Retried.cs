namespace GenPro.Sdk.Tests.Infrastructure;

/// <summary>What an exception's message says about retries, for tests whose retries run on the real clock.</summary>
public static class Retried
{
    /// <summary>
    /// The words a message carries after <paramref name="attempts"/> attempts, as a FluentAssertions wildcard pattern
    /// (<c>Should().Match</c>) since the duration is real time; empty for one attempt, whose message says nothing more.
    /// Exact durations are asserted on a fake clock in <c>ExhaustedRetryTests</c>.
    /// </summary>
    public static string After(int attempts) => attempts > 1 ? $" after {attempts} attempts over *" : string.Empty;
}
