using System.Net;

namespace GenPro.Sdk;

/// <summary>The API failed (5xx). Safe operations were retried before this was thrown.</summary>
public sealed class GenProServerException : GenProApiException
{
    /// <inheritdoc cref="GenProApiException(string, HttpStatusCode, string?, string?, string?, Exception?)" />
    public GenProServerException(
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
