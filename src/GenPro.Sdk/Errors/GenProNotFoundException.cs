using System.Net;

namespace GenPro.Sdk;

/// <summary>The agent, workspace or voice resource does not exist or is not visible to this key (<c>agent_not_found</c> whether the API sent it as 404 or 422, <c>not_found</c>, <c>organization_not_found</c>, <c>user_voice_resource_not_found</c>, or any other 404).</summary>
public sealed class GenProNotFoundException : GenProApiException
{
    /// <inheritdoc cref="GenProApiException(string, HttpStatusCode, string?, string?, string?, Exception?)" />
    public GenProNotFoundException(
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
