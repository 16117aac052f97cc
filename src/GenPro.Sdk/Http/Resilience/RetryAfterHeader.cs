namespace GenPro.Sdk.Http.Resilience;

/// <summary>
/// Reads <c>Retry-After</c> once for both its readers: the retry policy (which caps it) and the rate-limit exception
/// (which reports it as the server sent it).
/// </summary>
internal static class RetryAfterHeader
{
    /// <summary>The wait the server asked for (delta seconds, or an HTTP date from now, never negative); null when absent.</summary>
    public static TimeSpan? Read(HttpResponseMessage? response, TimeProvider timeProvider) => response?.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - timeProvider.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };
}
