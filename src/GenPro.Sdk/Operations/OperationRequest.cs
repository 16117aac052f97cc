namespace GenPro.Sdk.Operations;

/// <summary>
/// A request message of an SDK operation, carrying its <see cref="OperationContext"/> to the SDK's handlers inside
/// <see cref="HttpClient"/> (the policy, the redirect guard, the API key), which find it on the message they are given
/// (<see cref="OperationContext.Of"/>). <see cref="RequestSender"/> makes the first; the redirect guard makes each hop's.
/// It replaced an ambient <see cref="AsyncLocal{T}"/>, which cost 138 ns per call (docs/performance.md) and flowed
/// into whatever the caller's code started meanwhile.
/// </summary>
internal sealed class OperationRequest(OperationContext call, HttpMethod method, Uri uri) : HttpRequestMessage(method, uri)
{
    public OperationContext Call { get; } = call;
}
