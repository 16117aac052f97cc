using GenPro.Sdk.Errors;
using GenPro.Sdk.Operations;

namespace GenPro.Sdk.Http;

/// <summary>
/// The outermost SDK handler. It runs what is inside under the operation's deadline token (<see cref="OperationDeadline"/>),
/// which the request carries: the Refit methods give <see cref="HttpClient"/> no token of their own, so that it does not
/// link a token source to a cancellable one on every call (about 120 ns and 150 B; its timeout is off, and disposing the
/// client ends the deadline too). On the way back it notes the final response on the operation (after retries and
/// redirects) and bounds its body (<see cref="BoundedResponseContent"/>) before Refit or <see cref="HttpClient"/> reads any
/// of it: whoever reads it, the read ends at the deadline and at the size the operation allows.
/// </summary>
internal sealed class OperationHandler : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        OperationContext.Of(request) is { } call
            ? SendAsync(request, call)
            : base.SendAsync(request, cancellationToken);

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.Send(request, OperationContext.Of(request)?.Deadline.Token ?? cancellationToken);

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, OperationContext call)
    {
        var response = await base.SendAsync(request, call.Deadline.Token).ConfigureAwait(false);
        response.RequestMessage ??= request; // a handler of the caller's may leave it out; messages quote its method and path
        call.Answered(response);
        if (!call.IsApiCall)
        {
            // A picture read bounds its own body (MaxImageSize, the deadline on every read: Avatars/Images/ImageBodyStream)
            // and reads its headers as the CDN sent them.
            return response;
        }

        if (response.IsSuccessStatusCode)
        {
            // A body the operation reads stops at MaxResponseBodySize; one it does not read is not read at all.
            response.Content = call.ReadsBody
                ? new BoundedResponseContent(response, call, call.MaxResponseBodySize, truncate: false)
                : new BoundedResponseContent(response, call, limit: 0, truncate: true);
        }
        else
        {
            // Error bodies are quoted, never parsed whole: what the error factory reads is all that is ever read.
            response.Content = new BoundedResponseContent(response, call, ApiErrorFactory.MaxBodyBytes, truncate: true);
        }

        return response;
    }
}
