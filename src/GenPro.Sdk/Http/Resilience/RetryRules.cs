using System.Net;
using System.Net.Http.Headers;
using Polly;
using Polly.Timeout;

namespace GenPro.Sdk.Http.Resilience;

/// <summary>
/// Which outcomes are retried, for which requests, and after how long. The API has no idempotency key, so a
/// POST or PATCH is retried only where the server provably did not act on it (agents-reference: retry guidance).
/// </summary>
internal static class RetryRules
{
    public static bool ShouldRetry(HttpRequestMessage? request, Outcome<HttpResponseMessage> outcome)
    {
        if (request is null || RequestOptionKeys.HasNonReplayableBody(request))
        {
            return false;
        }

        return IsIdempotent(request.Method) ? IsTransientFailure(outcome) : ServerDidNotAct(outcome);
    }

    /// <summary>A failure worth another attempt of an idempotent request, and what the circuit breaker counts.</summary>
    public static bool IsTransientFailure(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Result: { } response } => response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
            or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable
            or HttpStatusCode.GatewayTimeout,
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        _ => false,
    };

    /// <summary>
    /// Whether an attempt gets the per-attempt timeout. Only requests that are retried after a timeout get one: for the
    /// others (POST, PATCH, uploads, bodies that cannot replay) it would only cut the total budget short.
    /// </summary>
    public static bool HasAttemptTimeout(HttpRequestMessage? request) =>
        request is null
        || (IsIdempotent(request.Method) && !RequestOptionKeys.HasNonReplayableBody(request) && !IsMultipart(request.Content));

    /// <summary>The server's <c>Retry-After</c> (seconds or an HTTP date) capped by <paramref name="maxDelay"/>; null when absent.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeSpan maxDelay, TimeProvider timeProvider) =>
        RetryAfterHeader.Read(response, timeProvider) is { } wait ? (wait > maxDelay ? maxDelay : wait) : null;

    /// <summary>429 means the request was refused before any work; a connection never established means it never arrived.</summary>
    private static bool ServerDidNotAct(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Result.StatusCode: HttpStatusCode.TooManyRequests } => true,
        { Exception: HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError } } => true,
        _ => false,
    };

    private static bool IsIdempotent(HttpMethod method) =>
        method == HttpMethod.Get || method == HttpMethod.Delete || method == HttpMethod.Head
        || method == HttpMethod.Options || method == HttpMethod.Put;

    private static bool IsMultipart(HttpContent? content) =>
        content is MultipartContent
        || content?.Headers.ContentType is MediaTypeHeaderValue { MediaType: { } type } && type.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase);
}
