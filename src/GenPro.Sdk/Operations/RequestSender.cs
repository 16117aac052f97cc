namespace GenPro.Sdk.Operations;

/// <summary>
/// Sends one request of an endpoint (<see cref="Agents.AgentsApi"/>, <see cref="Avatars.AvatarsApi"/>) through the
/// client's pipeline: an absolute URI under the API's base address, headers read as soon as they arrive (the runner
/// streams the body), the caller's content as is. This is all a Refit stub did for the SDK, whose endpoints all take a
/// prepared body and return the raw response: it cost 640 B and about 300 ns per call (docs/performance.md).
/// </summary>
internal sealed class RequestSender(HttpClient httpClient, Uri baseAddress)
{
    /// <summary>The base address without its final <c>/</c>: paths start with one (<c>/agents/1</c>).</summary>
    public string BaseAddress { get; } = baseAddress.AbsoluteUri.TrimEnd('/');

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken)
    {
        // Disposed with the response (which holds it) by the runner; its content belongs to the endpoint client.
        var request = new HttpRequestMessage(method, new Uri(BaseAddress + path, UriKind.Absolute)) { Content = content };
        return httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }
}
