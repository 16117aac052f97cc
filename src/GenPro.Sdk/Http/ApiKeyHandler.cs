namespace GenPro.Sdk.Http;

/// <summary>
/// Stamps every request with the SDK's <c>User-Agent</c>, and with <c>X-API-Key</c> only when the request goes to
/// the configured origin (scheme, host and port): the key never travels to another host, whatever sends it there.
/// </summary>
internal sealed class ApiKeyHandler(string apiKey, Uri baseAddress, string userAgent) : DelegatingHandler
{
    internal const string HeaderName = "X-API-Key";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Stamp(request);
        return base.SendAsync(request, cancellationToken);
    }

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Stamp(request);
        return base.Send(request, cancellationToken);
    }

    private void Stamp(HttpRequestMessage request)
    {
        request.Headers.Remove(HeaderName);
        if (request.RequestUri is { } uri && IsSameOrigin(uri, baseAddress))
        {
            request.Headers.TryAddWithoutValidation(HeaderName, apiKey);
        }

        if (!request.Headers.Contains("User-Agent"))
        {
            request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        }
    }

    /// <remarks>
    /// The usual case (same scheme, host and port strings, which <see cref="Uri"/> caches) is answered without building
    /// the components <see cref="Uri.Compare"/> allocates; anything else still goes through <see cref="Uri.Compare"/>.
    /// </remarks>
    internal static bool IsSameOrigin(Uri a, Uri b) =>
        a.IsAbsoluteUri && b.IsAbsoluteUri
        && ((a.Port == b.Port
             && string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
             && string.Equals(a.Host, b.Host, StringComparison.OrdinalIgnoreCase))
            || Uri.Compare(a, b, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0);
}
