using System.Collections.ObjectModel;
using System.Net;

namespace GenPro.Sdk;

/// <summary>
/// What the API answered, besides the body: status, headers, request id and rate-limit state. A successful call hands
/// it to <see cref="GenProRequestOptions.OnResponse"/>; a failed one carries it in <see cref="GenProApiException.Response"/>.
/// Build one for a test with <see cref="GenProModelFactory.Response"/>.
/// </summary>
public sealed class GenProResponse
{
    internal static readonly IReadOnlyDictionary<string, string> NoHeaders =
        new ReadOnlyDictionary<string, string>(new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase));

    internal GenProResponse(HttpStatusCode statusCode, IReadOnlyDictionary<string, string> headers, string? requestId, DateTimeOffset now)
    {
        StatusCode = statusCode;
        Headers = headers;
        RequestId = requestId;
        RateLimit = RateLimitInfo.Parse(headers, now);
    }

    /// <summary>The HTTP status.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>
    /// The response and content headers, read-only, names compared case-insensitively, several values of one header
    /// joined with <c>", "</c>. <c>Set-Cookie</c>, <c>X-API-Key</c>, <c>Authorization</c> and the like are never
    /// included, and a value that echoes the API key has it replaced by <c>[REDACTED]</c>.
    /// </summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>
    /// The request id to quote to the API's support: the server's <c>X-Request-Id</c> when it sent one (Rails echoes the
    /// one the SDK sent), else the one the SDK sent.
    /// </summary>
    public string? RequestId { get; }

    /// <summary>The rate-limit headers of the response, parsed; each value is null when its header was absent.</summary>
    public RateLimitInfo RateLimit { get; }

    /// <inheritdoc/>
    public override string ToString() => $"GenProResponse {{ StatusCode = {(int)StatusCode}, RequestId = {RequestId}, Headers = {Headers.Count} }}";
}
