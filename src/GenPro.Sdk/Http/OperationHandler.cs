using GenPro.Sdk.Errors;
using GenPro.Sdk.Operations;

namespace GenPro.Sdk.Http;

/// <summary>
/// The outermost SDK handler. It runs what is inside under the operation's deadline token (<see cref="OperationDeadline"/>),
/// which the request carries: the Refit methods give <see cref="HttpClient"/> no token of their own, so that it does not
/// link a token source to a cancellable one on every call (about 120 ns and 150 B; its timeout is off, and disposing the
/// client ends the deadline too). For an endpoint declared without a result, whose answer <see cref="HttpClient"/>
/// buffers whole as soon as this handler returns it, it bounds that body first (<see cref="BoundedResponseContent"/>); a
/// body the operation parses is bounded where Refit hands it over (<see cref="OperationRunner.ErrorOfAsync"/>), so
/// this handler adds no step of its own to those calls.
/// </summary>
internal sealed class OperationHandler : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        OperationContext.Of(request) switch
        {
            null => base.SendAsync(request, cancellationToken),
            { IsApiCall: true, ReadsBody: false } call => SendUnreadAsync(request, call),
            var call => base.SendAsync(request, call.Deadline.Token),
        };

    /// <summary>An operation that reads no body: a success body is not read at all, an error body only as far as it is quoted.</summary>
    private async Task<HttpResponseMessage> SendUnreadAsync(HttpRequestMessage request, OperationContext call)
    {
        var response = await base.SendAsync(request, call.Deadline.Token).ConfigureAwait(false);
        response.Content = new BoundedResponseContent(response, call, response.IsSuccessStatusCode ? 0 : ApiErrorFactory.MaxBodyBytes);
        return response;
    }
}
