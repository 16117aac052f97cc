using System.Net;

namespace GenPro.Sdk;

/// <summary>The key is valid but may not do this (403 <c>permission_denied</c>, or <c>forbidden</c> on agent delete).</summary>
public sealed class GenProPermissionException : GenProApiException
{
    /// <inheritdoc cref="GenProApiException(string, HttpStatusCode, string?, string?, string?, Exception?)" />
    public GenProPermissionException(
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
