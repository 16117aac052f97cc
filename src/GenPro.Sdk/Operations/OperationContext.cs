using GenPro.Sdk.Calls;

namespace GenPro.Sdk.Operations;

/// <summary>
/// One SDK operation's facts, created where they are known (the endpoint client's method) and read from here by every
/// layer below: its name, the agent it concerns, the provider keys its body carries, whether that body can be sent
/// twice, the caller's per-call options, its <c>X-Request-Id</c> and its deadline.
/// <para>
/// <see cref="OperationRunner"/> passes it to what it calls itself (the span, the error factory); the handlers inside
/// <see cref="HttpClient"/> (resilience policy, redirects, API key), which <see cref="HttpClient"/> calls with the request
/// message alone, find it on that message (<see cref="Of"/>, an <see cref="OperationRequest"/>).
/// </para>
/// </summary>
internal sealed class OperationContext(string name, GenProRequestOptions? options) : IDisposable
{
    public const string RequestIdHeader = "X-Request-Id";

    private OperationDeadline? _deadline;

    /// <summary>The operation <paramref name="request"/> belongs to; null for a request the SDK did not make.</summary>
    public static OperationContext? Of(HttpRequestMessage? request) => (request as OperationRequest)?.Call;

    /// <summary>
    /// A request message of this operation, carrying it to the SDK's handlers (found again with <see cref="Of"/>). The one
    /// place that attaches the context to a message the SDK builds itself (an avatar image's GET on the CDN).
    /// </summary>
    public HttpRequestMessage CreateRequest(HttpMethod method, Uri uri) => new OperationRequest(this, method, uri);

    /// <summary>The operation's name in spans, logs and messages: <c>Agents.Get</c> (see <see cref="NameOf"/>).</summary>
    public string Name { get; } = name;

    /// <summary>The agent the operation concerns, for the span; null for operations on no one agent (list, create).</summary>
    public long? AgentId { get; init; }

    /// <summary>
    /// The ElevenLabs and Hume AI keys a create or update body carries, so that anything quoting the response (an error body
    /// echoing one, a header, a transport error) is scrubbed of them. Never logged or traced. Null when the body sends none.
    /// </summary>
    public string[]? Secrets { get; init; }

    /// <summary>
    /// For an operation that sends a body: whether it reads a caller's stream that cannot be rewound, and so must never be
    /// sent twice (not retried, not redirected). Null for operations without a body. Stamped on each request as
    /// <see cref="GenProRequestOptionKeys.NonReplayableBody"/> for the caller's own handlers.
    /// </summary>
    public bool? NonReplayableBody { get; init; }

    /// <summary>
    /// True for the API's own endpoints; false for reading an avatar picture from a link the API gave (a CDN, or a redirect
    /// back to the API's origin). Such a request never carries <c>X-API-Key</c>, whatever origin it reaches, and its
    /// failures do not count towards the circuit breaker (a CDN outage must not stop the API's calls).
    /// </summary>
    public bool IsApiCall { get; init; } = true;

    public GenProRequestOptions? Options { get; } = options;

    /// <summary>The id sent as <c>X-Request-Id</c> on every request of the operation.</summary>
    public string RequestId { get; } = options?.RequestId ?? NewRequestId();

    /// <summary>The server's own <c>X-Request-Id</c> from the last response, when it sent one.</summary>
    public string? ServerRequestId { get; private set; }

    /// <summary>The id to quote to the API's support: the server's when it answered with one, else the one sent.</summary>
    public string ReportedRequestId => ServerRequestId ?? RequestId;

    /// <summary>Why the redirect handler did not follow the last response's redirect, for the exception's message.</summary>
    public string? RedirectRefusal { get; set; }

    /// <summary>Why the retry policy did not retry the last outcome although the rules would have, for the exception's message.</summary>
    public string? NotRetried { get; set; }

    /// <summary>The operation's time limit (the client's, or the call's shorter one) and the caller's token.</summary>
    public OperationDeadline Deadline => _deadline ?? throw new InvalidOperationException($"{Name} has not started.");

    /// <summary>The name of an operation of an endpoint client: <c>NameOf("Agents", nameof(GetAsync))</c> is <c>Agents.Get</c>.</summary>
    public static string NameOf(string client, string method) =>
        client + "." + (method.EndsWith("Async", StringComparison.Ordinal) ? method[..^"Async".Length] : method);

    /// <summary>Starts the operation under <paramref name="deadline"/>, which ends with it (<see cref="Dispose"/>).</summary>
    public OperationContext Start(OperationDeadline deadline)
    {
        _deadline = deadline;
        return this;
    }

    /// <summary>Notes the server's request id of a response.</summary>
    public void Answered(HttpResponseMessage response) => ServerRequestId = ServerRequestIdOf(response) ?? ServerRequestId;

    /// <summary>
    /// Stamps one attempt or hop: the request id, the caller's extra headers and, for an operation with a body, whether it
    /// can be sent again (the public <see cref="GenProRequestOptionKeys.NonReplayableBody"/>, for handlers of the caller's).
    /// </summary>
    public void Stamp(HttpRequestMessage request)
    {
        var headers = request.Headers;
        headers.Remove(RequestIdHeader);
        headers.TryAddWithoutValidation(RequestIdHeader, RequestId);
        if (Options is { Headers.Count: > 0 } options)
        {
            foreach (var (name, value) in options.Headers)
            {
                headers.Remove(name);
                headers.TryAddWithoutValidation(name, value);
            }
        }

        if (NonReplayableBody is { } once)
        {
            request.Options.Set(GenProRequestOptionKeys.NonReplayableBody, once);
        }
    }

    /// <summary>Puts the request id on an exception the operation throws.</summary>
    public TException Tag<TException>(TException exception)
        where TException : GenProException
    {
        exception.RequestId ??= ReportedRequestId;
        return exception;
    }

    public void Dispose() => _deadline?.Dispose();

    /// <summary>
    /// A random (version 4) UUID, as Rails makes them, from <see cref="Random.Shared"/> rather than
    /// <see cref="Guid.NewGuid"/>: a request id must be unique, not unguessable, and <see cref="Guid.NewGuid"/> asks the
    /// kernel for random bytes on every call (1.4 µs on the benchmark machine, a third of an in-memory Get; see
    /// docs/performance.md). 122 random bits, seeded per thread from the system's secure source, do not repeat.
    /// </summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5394", Justification = "A correlation id, not a secret: uniqueness is all it needs.")]
    internal static string NewRequestId()
    {
        Span<byte> bytes = stackalloc byte[16];
        Random.Shared.NextBytes(bytes);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40); // version 4
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // the RFC 9562 variant
        return new Guid(bytes, bigEndian: true).ToString();
    }

    internal static string? ServerRequestIdOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues(RequestIdHeader, out var values) && values.FirstOrDefault() is { Length: > 0 } id
            ? (id.Length > RequestOptionsChecks.MaxRequestIdLength ? id[..RequestOptionsChecks.MaxRequestIdLength] : id) // a hostile server's id stays short
            : null;
}
