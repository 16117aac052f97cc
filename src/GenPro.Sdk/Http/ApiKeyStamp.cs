using GenPro.Sdk.Operations;
using GenPro.Sdk.Secrets;

namespace GenPro.Sdk.Http;

/// <summary>
/// What every request hop carries, put on by <see cref="RedirectHandler"/> just before the hop is sent: the SDK's
/// <c>User-Agent</c>, the operation's <c>X-Request-Id</c>, extra headers and <see cref="GenProRequestOptionKeys.NonReplayableBody"/>
/// (<see cref="OperationContext.Stamp"/>), and <c>X-API-Key</c> only when the hop goes to the configured origin (scheme,
/// host and port) by an operation that sends it (<see cref="OperationContext.IsApiCall"/>: an avatar image read never
/// does): the key never travels to another host, whatever sends it there, nor do a caller's <c>Authorization</c>,
/// <c>Cookie</c> and <c>Proxy-Authorization</c> headers. The key is read from <paramref name="apiKey"/> for every hop,
/// so a rotated key reaches the next retry, and taken off the request once it is sent (<see cref="Remove"/>), so no
/// request message that outlives the call (in a response or exception) still holds it.
/// </summary>
internal sealed class ApiKeyStamp(Func<string?> apiKey, Uri baseAddress, string userAgent)
{
    internal const string HeaderName = "X-API-Key";

    /// <summary>Headers a caller may add (<see cref="GenProRequestOptions.Headers"/>) that carry credentials: same origin only.</summary>
    internal static readonly string[] CallerCredentialHeaders = ["Authorization", "Cookie", "Proxy-Authorization"];

    /// <summary>Stamps the hop of <paramref name="call"/> (null for a request the SDK did not make); returns the key it carries (null when it goes to another origin).</summary>
    public string? Apply(HttpRequestMessage request, OperationContext? call)
    {
        var headers = request.Headers;
        headers.Remove(HeaderName);
        string? sent = null;
        var sameOrigin = request.RequestUri is { } uri && IsSameOrigin(uri, baseAddress);
        if (sameOrigin && call?.IsApiCall != false && apiKey() is { Length: > 0 } key)
        {
            headers.TryAddWithoutValidation(HeaderName, key);
            sent = key;
        }

        call?.Stamp(request);
        if (!sameOrigin)
        {
            // A caller's credentials are for the API, like the key: a hop to another origin goes without them (as
            // HttpClient does for Authorization, and curl and browsers for all three), whether the redirect copied them
            // or the operation's headers stamped them again.
            foreach (var name in CallerCredentialHeaders)
            {
                headers.Remove(name);
            }
        }

        if (!headers.Contains("User-Agent"))
        {
            headers.TryAddWithoutValidation("User-Agent", userAgent);
        }

        return sent;
    }

    /// <summary>Takes the key off a hop that has been sent.</summary>
    public static void Remove(HttpRequestMessage request) => request.Headers.Remove(HeaderName);

    /// <summary>
    /// A transport error can quote the server (an invalid header line that echoes the key), and the resilience policy
    /// and the caller's handlers outside log and trace the exception they see: so they see a copy without the key this
    /// hop sent (a rotated key included) nor the operation's provider keys. Null when there is nothing to remove.
    /// </summary>
    public static Exception? Scrubbed(Exception e, string? key, OperationContext? call)
    {
        var providerKeys = call?.Secrets;
        if (string.IsNullOrEmpty(key) && providerKeys is null)
        {
            return null;
        }

        var scrubbed = ScrubbedExceptions.Of(e, new SecretScrubber(() => key), providerKeys);
        return ReferenceEquals(scrubbed, e) ? null : scrubbed;
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
