using GenPro.Sdk.Operations;

namespace GenPro.Sdk.Http;

/// <summary>
/// The outermost SDK handler: runs what is inside under the operation's deadline token (<see cref="OperationDeadline"/>),
/// which the request carries. <see cref="RequestSender"/> gives <see cref="HttpClient"/> no token of its own, so that it
/// does not link a token source of its own to a cancellable one on every call (about 120 ns and 150 B; its timeout is
/// off, and disposing the client ends the deadline too).
/// </summary>
internal sealed class DeadlineHandler : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, OperationContext.Of(request)?.Deadline.Token ?? cancellationToken);

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.Send(request, OperationContext.Of(request)?.Deadline.Token ?? cancellationToken);
}
