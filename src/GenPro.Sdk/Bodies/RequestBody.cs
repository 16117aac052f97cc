namespace GenPro.Sdk.Bodies;

/// <summary>
/// A request body (a built form, or JSON) and whether it can be sent again: what the operation's
/// <see cref="Operations.OperationContext.NonReplayableBody"/> says (and <see cref="GenProRequestOptionKeys.NonReplayableBody"/>).
/// With a <paramref name="progress"/>, the body reports the bytes written to the connection as it goes.
/// </summary>
internal sealed class RequestBody(HttpContent content, bool nonReplayable, IProgress<long>? progress = null) : IDisposable
{
    public HttpContent Content { get; } = progress is null ? content : new ProgressContent(content, progress);

    public bool NonReplayable { get; } = nonReplayable;

    public void Dispose() => Content.Dispose();
}
