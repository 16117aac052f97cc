namespace GenPro.Sdk.Operations;

/// <summary>
/// Sends an <see cref="ApiRequest"/> of an operation (as an <see cref="OperationRequest"/>) through the client's pipeline: an absolute URI under the API's base address, headers
/// read as soon as they arrive (the runner streams the body), the endpoint's content as is. This is all a Refit stub did
/// for the SDK, whose endpoints all take a prepared body and return the raw response: it cost 640 B and about 300 ns
/// per call (docs/performance.md).
/// </summary>
internal sealed class RequestSender(HttpClient httpClient, Uri baseAddress)
{
    /// <summary>The base address without its final <c>/</c>: paths start with one.</summary>
    public string BaseAddress { get; } = baseAddress.AbsoluteUri.TrimEnd('/');

    public Task<HttpResponseMessage> SendAsync(OperationContext call, ApiRequest request) =>
        // The message is disposed with the response that holds it; its content belongs to the endpoint client. The
        // operation's deadline token travels with it to DeadlineHandler, not through HttpClient, which would link a token
        // source of its own to it. (Given no token and no timeout, HttpClient passes a cancellation it did not cause on as
        // it is: TransportTests pin that neither the caller's cancellation nor a timeout names HttpClient.Timeout.)
        httpClient.SendAsync(
            new OperationRequest(call, request.Method, new Uri(BaseAddress + request.Path, UriKind.Absolute)) { Content = request.Content },
            HttpCompletionOption.ResponseHeadersRead,
            CancellationToken.None);
}
