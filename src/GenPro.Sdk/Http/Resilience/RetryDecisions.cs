using System.Net;
using System.Net.Http.Headers;
using GenPro.Sdk.Internal;
using GenPro.Sdk.Operations;
using Polly;
using Polly.Timeout;

namespace GenPro.Sdk.Http.Resilience;

/// <summary>
/// Which outcomes are retried, for which requests, and after how long. The API has no idempotency key, so a
/// POST or PATCH is retried only where the server provably did not act on it (agents-reference: retry guidance).
/// </summary>
internal static class RetryDecisions
{
    public static bool ShouldRetry(HttpRequestMessage? request, Outcome<HttpResponseMessage> outcome) =>
        request is not null && !CannotResend(request) && IsRetryableOutcome(request, outcome);

    /// <summary>
    /// <see cref="ShouldRetry(HttpRequestMessage?, Outcome{HttpResponseMessage})"/>, and never before the server's
    /// <c>Retry-After</c>: a wait longer than <paramref name="maxDelay"/> or than the time left of the call's
    /// <c>Timeout</c> ends the call at once with the server's answer. When a retry the rules allow is skipped, the reason
    /// is recorded (<see cref="RetryNotes"/>) for the exception's message.
    /// </summary>
    public static bool ShouldRetry(
        HttpRequestMessage? request, Outcome<HttpResponseMessage> outcome, TimeSpan maxDelay, DateTimeOffset? deadline, TimeProvider timeProvider)
    {
        if (request is null || !IsRetryableOutcome(request, outcome))
        {
            return false;
        }

        if (CannotResend(request))
        {
            RetryNotes.Record(request, "the request body is a stream that cannot be sent twice");
            return false;
        }

        if (RetryAfterHeader.Read(outcome.Result, timeProvider) is not { } wait)
        {
            return true;
        }

        if (wait > maxDelay)
        {
            RetryNotes.Record(request, $"the server asked to wait {Durations.Readable(wait)}, longer than Retry.MaxDelay ({Durations.Readable(maxDelay)})");
            return false;
        }

        if (deadline is { } end && timeProvider.GetUtcNow() + wait >= end)
        {
            var left = end - timeProvider.GetUtcNow();
            RetryNotes.Record(request, $"the server asked to wait {Durations.Readable(wait)}, longer than the {Durations.Readable(left < TimeSpan.Zero ? TimeSpan.Zero : left)} left of Timeout");
            return false;
        }

        return true;
    }

    private static bool IsRetryableOutcome(HttpRequestMessage request, Outcome<HttpResponseMessage> outcome) =>
        IsIdempotent(request.Method) ? IsTransientFailure(outcome) : ServerDidNotAct(outcome);

    /// <summary>A failure worth another attempt of an idempotent request, and what the circuit breaker counts.</summary>
    public static bool IsTransientFailure(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Result: { } response } => response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
            or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable
            or HttpStatusCode.GatewayTimeout,
        { Exception: { } e } when Bodies.CallerFailure.Find(e) is not null => false, // the caller's stream or callback, not the server
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        _ => false,
    };

    /// <summary>
    /// Whether an attempt gets the per-attempt timeout. Only requests that are retried after a timeout get one: for the
    /// others (POST, PATCH, uploads, bodies that cannot replay) it would only cut the total budget short.
    /// </summary>
    public static bool HasAttemptTimeout(HttpRequestMessage? request) =>
        request is null
        || (IsIdempotent(request.Method) && (request.Content is null || (!CannotResend(request) && !IsMultipart(request.Content))));

    /// <summary>
    /// The server's <c>Retry-After</c> (seconds or an HTTP date); null when absent. Never cut short: a longer wait than
    /// the retry may make is refused by <see cref="ShouldRetry(HttpRequestMessage?, Outcome{HttpResponseMessage}, TimeSpan, DateTimeOffset?, TimeProvider)"/>
    /// before it comes to this.
    /// </summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeProvider timeProvider) => RetryAfterHeader.Read(response, timeProvider);

    /// <summary>429 means the request was refused before any work; a connection never established means it never arrived.</summary>
    private static bool ServerDidNotAct(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Result.StatusCode: HttpStatusCode.TooManyRequests } => true,
        { Exception: HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError } } => true,
        _ => false,
    };

    /// <summary>Whether the body of <paramref name="request"/>'s operation reads a stream that cannot be read twice (<see cref="OperationContext"/>).</summary>
    private static bool CannotResend(HttpRequestMessage request) => OperationContext.Of(request)?.NonReplayableBody == true;

    private static bool IsIdempotent(HttpMethod method) =>
        method == HttpMethod.Get || method == HttpMethod.Delete || method == HttpMethod.Head
        || method == HttpMethod.Options || method == HttpMethod.Put;

    private static bool IsMultipart(HttpContent? content) =>
        content is MultipartContent
        || content?.Headers.ContentType is MediaTypeHeaderValue { MediaType: { } type } && type.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase);
}
