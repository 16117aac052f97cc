namespace GenPro.Sdk;

/// <summary>
/// Keys of <see cref="HttpRequestMessage.Options"/> that the SDK sets on its requests, for authors of handlers added with
/// <c>AddGenProClient(…).AddHttpMessageHandler(…)</c> or passed to <see cref="GenProClient"/>.
/// </summary>
/// <example>
/// <code>
/// if (request.Options.TryGetValue(GenProRequestOptionKeys.NonReplayableBody, out var once) &amp;&amp; once)
///     return await base.SendAsync(request, cancellationToken);   // the body can be read only once: do not resend it
/// </code>
/// </example>
public static class GenProRequestOptionKeys
{
    /// <summary>The name of <see cref="NonReplayableBody"/>: <c>GenPro.NonReplayableBody</c>.</summary>
    public const string NonReplayableBodyName = "GenPro.NonReplayableBody";

    /// <summary>
    /// True on a request whose body reads a caller's stream that cannot be rewound (an upload from a non-seekable
    /// stream). Such a request must never be sent twice: the SDK neither retries it nor follows a redirect that would
    /// resend the body, and a handler of yours must not resend it either. Every other body the SDK builds (JSON, files,
    /// byte buffers, seekable streams) can be sent again.
    /// </summary>
    public static readonly HttpRequestOptionsKey<bool> NonReplayableBody = new(NonReplayableBodyName);
}
