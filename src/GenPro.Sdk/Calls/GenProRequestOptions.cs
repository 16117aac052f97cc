namespace GenPro.Sdk;

/// <summary>
/// Options for one call: extra headers, the request id to send, a timeout of its own, and a hook that sees each
/// response. Pass it to the overloads that take one; a single instance may serve many calls (the SDK only reads it).
/// <para>
/// The SDK checks and copies it when the call starts (for a listing, when <c>ListAsync</c> is called, so every
/// enumeration and every page uses what it held then): changing it afterwards affects later calls only, never a
/// retry, redirect hop or page of a call already made.
/// </para>
/// </summary>
public sealed class GenProRequestOptions
{
    /// <summary>
    /// Headers added to every request of the call (each retry and redirect hop too). <c>X-API-Key</c>, <c>Host</c>,
    /// <c>Content-*</c>, <c>X-Request-Id</c> (use <see cref="RequestId"/>) and the framing and hop-by-hop headers
    /// <c>Transfer-Encoding</c>, <c>Connection</c>, <c>Upgrade</c>, <c>TE</c>, <c>Trailer</c>, <c>Keep-Alive</c> and
    /// <c>Expect</c> (which <see cref="HttpClient"/> owns) are refused with an
    /// <see cref="ArgumentException"/> before anything is sent. Names compare case-insensitively. <c>Authorization</c>,
    /// <c>Cookie</c> and <c>Proxy-Authorization</c> go to the configured origin only: a redirect hop to another origin is
    /// sent without them, as it is without <c>X-API-Key</c>; other headers travel on every hop.
    /// </summary>
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The <c>X-Request-Id</c> to send instead of one the SDK makes: 1 to 255 letters, digits, <c>-</c>, <c>_</c> or
    /// <c>@</c> (what Rails' <c>ActionDispatch::RequestId</c> keeps unchanged), so the server logs the very same id.
    /// </summary>
    public string? RequestId { get; set; }

    /// <summary>
    /// A limit on this call, retries and body reading included, on top of <see cref="GenProClientOptions.Timeout"/>
    /// (the shorter one wins). Exceeding it throws <see cref="GenProConnectionException"/>. Null for none; anything longer
    /// than a timer runs (about 49.7 days, such as <see cref="TimeSpan.MaxValue"/>) sets none, as
    /// <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> does.
    /// </summary>
    public TimeSpan? Timeout { get; set; }

    /// <summary>
    /// Called with the status, headers and request id of each successful response of the call, as soon as its headers
    /// are in (a listing calls it once per page, an upload of images and DeGod ids twice). Failures carry the same
    /// data in <see cref="GenProApiException.Response"/>.
    /// <para>
    /// If the hook throws, the call ends with that very exception (not wrapped, not retried: the server has answered), and
    /// the SDK releases the response and its connection first; a listing ends its enumeration with it.
    /// </para>
    /// </summary>
    public Action<GenProResponse>? OnResponse { get; set; }

    /// <inheritdoc/>
    public override string ToString() =>
        $"GenProRequestOptions {{ RequestId = {RequestId}, Timeout = {Timeout}, Headers = [{string.Join(", ", Headers.Keys)}] }}";
}
