using System.Net;

namespace GenPro.Sdk;

/// <summary>The API refused the request's content (a 422 not covered by <see cref="GenProNotFoundException"/>), such as a duplicate name (<c>agent_creation_failed</c>) or a rejected provider key (<c>invalid_api_key</c>).</summary>
public sealed class GenProValidationException : GenProApiException
{
    /// <inheritdoc cref="GenProApiException(string, HttpStatusCode, string?, string?, string?, Exception?)" />
    public GenProValidationException(
        string message,
        HttpStatusCode statusCode,
        string? errorCode = null,
        string? errorMessage = null,
        string? responseBody = null,
        Exception? innerException = null)
        : base(message, statusCode, errorCode, errorMessage, responseBody, innerException)
    {
    }
}
