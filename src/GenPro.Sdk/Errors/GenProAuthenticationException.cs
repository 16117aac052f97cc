using System.Net;

namespace GenPro.Sdk;

/// <summary>The API key is missing, invalid or revoked (401 <c>unauthorized</c>). Retrying will not help.</summary>
public sealed class GenProAuthenticationException : GenProApiException
{
    /// <inheritdoc cref="GenProApiException(string, HttpStatusCode, string?, string?, string?, Exception?)" />
    public GenProAuthenticationException(
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
