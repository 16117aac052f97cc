using GenPro.Sdk.Http.Resilience;
using GenPro.Sdk.Operations;
using Polly;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Timeout;

namespace GenPro.Sdk.Errors;

/// <summary>Words for failures that left no usable response: broken connections, timeouts, open circuits.</summary>
internal static class TransportErrors
{
    /// <summary>
    /// The exception for <paramref name="e"/>, which ended <paramref name="operation"/>; <paramref name="notRetried"/> says
    /// why the policy did not retry it when the rules would have (<see cref="OperationContext.NotRetried"/>), and
    /// <paramref name="attempts"/> how often it was tried (<see cref="Attempts.After"/>), when more than once.
    /// </summary>
    public static GenProConnectionException ToConnectionException(string operation, Exception e, string? notRetried = null, string? attempts = null)
    {
        var what = e switch
        {
            HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError } => "the host name could not be resolved",
            HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } => "the connection could not be established",
            HttpRequestException { HttpRequestError: HttpRequestError.ResponseEnded } => "the server closed the connection before answering in full",
            HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError } => "the TLS handshake failed",
            // Over a socket a dropped connection arrives as a reset (an IOException inside), in-process as ResponseEnded:
            // the same event, told in the same words.
            HttpRequestException { InnerException: IOException } => "the server closed the connection before answering in full",
            HttpRequestException => "the request failed in transport",
            IOException => "the connection broke while the response was read",
            TimeoutRejectedException or OperationCanceledException or TimeoutException => "the request timed out",
            BrokenCircuitException => "the circuit breaker is open after repeated failures",
            RateLimiterRejectedException => "the client-side rate limiter rejected the request",
            ExecutionRejectedException => "the resilience policy rejected the request",
            ObjectDisposedException => "the client was disposed",
            _ => $"the request failed ({e.GetType().Name})",
        };
        return new GenProConnectionException(RetryNotes.Append($"{operation} failed: {what}{attempts}.", notRetried), e);
    }
}
