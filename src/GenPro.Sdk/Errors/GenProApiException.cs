using System.Net;

namespace GenPro.Sdk;

/// <summary>
/// The API answered, but not with what was asked for: a non-success status, or a success whose body could not be
/// read. Branch on <see cref="ErrorCode"/> (stable) rather than on the message; the subclasses group the common cases.
/// </summary>
public class GenProApiException : GenProException
{
    /// <summary>The longest <see cref="ResponseBody"/> kept, in characters.</summary>
    public const int MaxResponseBodyLength = 4096;

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The full message (the SDK's own composes method, path, status, code and server message).</param>
    /// <param name="statusCode">The HTTP status of the response.</param>
    /// <param name="errorCode">The <c>error_code</c> of the body, if any.</param>
    /// <param name="errorMessage">The <c>error</c> of the body, if any.</param>
    /// <param name="responseBody">The start of the body (cut to <see cref="MaxResponseBodyLength"/> characters).</param>
    /// <param name="innerException">The cause, such as a JSON error in a success body.</param>
    public GenProApiException(
        string message,
        HttpStatusCode statusCode,
        string? errorCode = null,
        string? errorMessage = null,
        string? responseBody = null,
        Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
        ErrorMessage = errorMessage;
        ResponseBody = responseBody is { Length: > MaxResponseBodyLength } ? responseBody[..MaxResponseBodyLength] : responseBody;
    }

    /// <summary>The HTTP status of the response.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The machine-readable <c>error_code</c> (see <see cref="GenProErrorCodes"/>), or null when the body had none.</summary>
    public string? ErrorCode { get; }

    /// <summary>The server's human-readable <c>error</c> message, or null when the body had none.</summary>
    public string? ErrorMessage { get; }

    /// <summary>
    /// The start of the response body as text, at most <see cref="MaxResponseBodyLength"/> characters, with the API key
    /// scrubbed should the server echo it; null when there was no body.
    /// </summary>
    public string? ResponseBody { get; }

    /// <summary>
    /// The response's status, headers (read-only, case-insensitive, without <c>Set-Cookie</c> or credentials), request
    /// id and rate-limit headers. For an exception built without one, a response with <see cref="StatusCode"/> and no headers.
    /// </summary>
    public GenProResponse Response
    {
        get => field ??= new GenProResponse(StatusCode, GenProResponse.NoHeaders, RequestId, TimeProvider.System.GetUtcNow());
        internal set;
    }
}
