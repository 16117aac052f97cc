namespace GenPro.Sdk;

/// <summary>
/// How a <see cref="GenProClient"/> retries, times out attempts and breaks the circuit. Part of
/// <see cref="GenProClientOptions.Retry"/>; in configuration the names are the same (<c>GenPro:Retry:MaxRetries</c>).
/// </summary>
/// <remarks>
/// GET and DELETE are retried on 408, 429, 500, 502, 503, 504, transport failures and attempt timeouts. POST and
/// PATCH are retried only where the server provably did not act: on 429, or when the connection was never
/// established. A <c>Retry-After</c> header sets the delay, waited in full; one longer than <see cref="MaxDelay"/> (or
/// than what is left of <see cref="GenProClientOptions.Timeout"/>) ends the call at once with the server's answer, such as
/// a <see cref="GenProRateLimitException"/> whose <see cref="GenProRateLimitException.RetryAfter"/> is the server's value.
/// Without the header the delay grows exponentially from <see cref="BaseDelay"/> with jitter.
/// </remarks>
public sealed class GenProRetryOptions
{
    /// <summary>Retries after the first attempt; 0 turns retries off. From 0 to 10; 3 unless set.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The typical delay before the first retry; later ones grow exponentially, with jitter. 1 second unless set.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The longest delay between two attempts. A server asking (<c>Retry-After</c>) for a longer one gets no retry: the
    /// call ends at once. 30 seconds unless set.
    /// </summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long one attempt of a retryable request (GET, DELETE) may take before it is abandoned and retried;
    /// 30 seconds unless set. Requests that would not be retried after a timeout (POST, PATCH, uploads) are bounded by
    /// <see cref="GenProClientOptions.Timeout"/> alone. <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> turns it off,
    /// and so does anything longer than a timer runs (about 49.7 days, such as <see cref="TimeSpan.MaxValue"/>).
    /// </summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Whether a circuit breaker stops sending for 5 seconds once at least 10% of at least 100 attempts in 30 seconds
    /// failed transiently (the failures are then reported at once as <see cref="GenProConnectionException"/>). On unless set.
    /// </summary>
    public bool CircuitBreakerEnabled { get; set; } = true;

    /// <summary>Describes the settings.</summary>
    /// <returns>A description safe to log.</returns>
    public override string ToString() =>
        $"GenProRetryOptions {{ MaxRetries = {MaxRetries}, BaseDelay = {BaseDelay}, MaxDelay = {MaxDelay}, AttemptTimeout = {AttemptTimeout}, CircuitBreakerEnabled = {CircuitBreakerEnabled} }}";
}
