using System.Net;

namespace GenPro.Sdk;

/// <summary>
/// The API asked the client to slow down (429). Thrown when retries ran out, or at once when the server's
/// <c>Retry-After</c> is longer than the retry policy may wait (<see cref="GenProRetryOptions.MaxDelay"/> or the time
/// left of <see cref="GenProClientOptions.Timeout"/>); the message then says so.
/// </summary>
public sealed class GenProRateLimitException : GenProApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The full message.</param>
    /// <param name="statusCode">The HTTP status of the response (429).</param>
    /// <param name="errorCode">The <c>error_code</c> of the body, if any.</param>
    /// <param name="errorMessage">The <c>error</c> of the body, if any.</param>
    /// <param name="responseBody">The start of the body.</param>
    /// <param name="innerException">The cause, if any.</param>
    /// <param name="retryAfter">How long the server asked to wait, from its <c>Retry-After</c> header.</param>
    public GenProRateLimitException(
        string message,
        HttpStatusCode statusCode,
        string? errorCode = null,
        string? errorMessage = null,
        string? responseBody = null,
        TimeSpan? retryAfter = null,
        Exception? innerException = null)
        : base(message, statusCode, errorCode, errorMessage, responseBody, innerException)
    {
        RetryAfter = retryAfter;
    }

    /// <summary>How long the server asked to wait before the next request (its <c>Retry-After</c>), if it said.</summary>
    public TimeSpan? RetryAfter { get; }
}
