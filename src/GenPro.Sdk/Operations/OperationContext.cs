using GenPro.Sdk.Calls;

namespace GenPro.Sdk.Operations;

/// <summary>
/// One SDK operation's facts, created where they are known (the endpoint client's method) and read from here by every
/// layer below: its name, the agent it concerns, the provider keys its body carries, whether that body can be sent
/// twice, the caller's per-call options, its <c>X-Request-Id</c> and its deadline.
/// <para>
/// <see cref="OperationRunner"/> passes it to what it calls itself (the span); the endpoint methods of the Refit interfaces
/// declare it as a <c>[Property]</c>, so it travels in the request's <see cref="HttpRequestMessage.Options"/> to the
/// handlers inside <see cref="HttpClient"/> (deadline, resilience policy, redirects, API key) and, on the response's
/// content, to the serializer and the error factory (<see cref="Of"/>).
/// </para>
/// </summary>
internal sealed class OperationContext(string name, GenProRequestOptions? options) : IDisposable
{
    public const string RequestIdHeader = "X-Request-Id";

    /// <summary>The key the Refit interfaces' <c>[Property]</c> puts the context under in <see cref="HttpRequestMessage.Options"/>.</summary>
    public const string PropertyKey = "GenPro.Sdk.Operation";

    private static readonly HttpRequestOptionsKey<OperationContext> Key = new(PropertyKey);

    private OperationDeadline? _deadline;
    private int _attempts;
    private string? _earlierServerRequestId;

    /// <summary>The operation <paramref name="request"/> belongs to; null for a request the SDK did not make.</summary>
    public static OperationContext? Of(HttpRequestMessage? request) =>
        request is not null && request.Options.TryGetValue(Key, out var call) ? call : null;

    /// <summary>Attaches the operation to a request the SDK makes without Refit (a redirect hop copies every option anyway).</summary>
    public void AttachTo(HttpRequestMessage request) => request.Options.Set(Key, this);

    /// <summary>
    /// A request message of this operation, carrying it to the SDK's handlers (found again with <see cref="Of"/>), for a
    /// message the SDK builds itself rather than through Refit (an avatar image's GET on the CDN).
    /// </summary>
    public HttpRequestMessage CreateRequest(HttpMethod method, Uri uri)
    {
        var request = new HttpRequestMessage(method, uri);
        AttachTo(request);
        return request;
    }

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

    /// <summary>
    /// The server's own <c>X-Request-Id</c> from the last response, or from an earlier one (a retried attempt, a redirect
    /// hop) when the last sent none. Read from the headers when asked (a span, an exception, <c>OnResponse</c>), not on
    /// every response: a call that succeeds with nobody listening never parses it.
    /// </summary>
    public string? ServerRequestId => (LastResponse is { } last ? ServerRequestIdOf(last) : null) ?? _earlierServerRequestId;

    /// <summary>The id to quote to the API's support: the server's when it answered with one, else the one sent.</summary>
    public string ReportedRequestId => ServerRequestId ?? RequestId;

    /// <summary>Why the redirect handler did not follow the last response's redirect, for the exception's message.</summary>
    public string? RedirectRefusal { get; set; }

    /// <summary>Why the retry policy did not retry the last outcome although the rules would have, for the exception's message.</summary>
    public string? NotRetried { get; set; }

    /// <summary>
    /// How many times the request was sent so far: each attempt of the retry policy counts once (<see cref="CountAttempt"/>),
    /// a redirect hop does not. Put on the exception (<see cref="GenProException.AttemptCount"/>) and, past one, in its message.
    /// </summary>
    public int Attempts => Volatile.Read(ref _attempts);

    /// <summary>How long the operation has run, on the client's clock; zero before it starts.</summary>
    public TimeSpan Elapsed => _deadline?.Elapsed ?? TimeSpan.Zero;

    /// <summary>
    /// The last response a hop of the operation received, noted by <see cref="Http.RedirectHandler"/> (so, once the call
    /// is answered, the response after retries and redirects): the span, an unreadable or empty body's error and
    /// <c>OnResponse</c> describe it. Disposed by then, its status and headers still read.
    /// </summary>
    public HttpResponseMessage? LastResponse { get; private set; }

    /// <summary>
    /// Whether the operation reads its success body (<see cref="GenProClientOptions.MaxResponseBodySize"/> applies); an
    /// operation that does not (delete, upload, set-primary) reads none of it.
    /// </summary>
    public bool ReadsBody { get; set; }

    /// <summary>The largest success body read, counted after decompression (the client's option).</summary>
    public long MaxResponseBodySize { get; private set; } = GenProClientOptions.DefaultMaxResponseBodySize;

    /// <summary>The operation's time limit (the client's, or the call's shorter one) and the caller's token.</summary>
    public OperationDeadline Deadline => _deadline ?? throw new InvalidOperationException($"{Name} has not started.");

    /// <summary>The name of an operation of an endpoint client: <c>NameOf("Agents", nameof(GetAsync))</c> is <c>Agents.Get</c>.</summary>
    public static string NameOf(string client, string method) =>
        client + "." + (method.EndsWith("Async", StringComparison.Ordinal) ? method[..^"Async".Length] : method);

    /// <summary>Starts the operation under <paramref name="deadline"/>, which ends with it (<see cref="Dispose"/>).</summary>
    public OperationContext Start(OperationDeadline deadline, long maxResponseBodySize)
    {
        _deadline = deadline;
        MaxResponseBodySize = maxResponseBodySize;
        return this;
    }

    /// <summary>Counts one attempt; called by the handler just inside the retry policy, once per attempt.</summary>
    public void CountAttempt() => Interlocked.Increment(ref _attempts);

    /// <summary>Notes a response of the operation; the server's request id of the one it replaces is kept (<see cref="ServerRequestId"/>).</summary>
    public void Answered(HttpResponseMessage response)
    {
        if (LastResponse is { } earlier)
        {
            _earlierServerRequestId = ServerRequestIdOf(earlier) ?? _earlierServerRequestId;
        }

        LastResponse = response;
    }

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

    /// <summary>Puts the request id and the number of attempts on an exception the operation throws.</summary>
    public TException Tag<TException>(TException exception)
        where TException : GenProException
    {
        exception.RequestId ??= ReportedRequestId;
        if (exception.AttemptCount == 0)
        {
            exception.AttemptCount = Attempts;
        }

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

    internal static string? ServerRequestIdOf(HttpResponseMessage response)
    {
        if (!response.Headers.NonValidated.TryGetValues(RequestIdHeader, out var values))
        {
            return null;
        }

        foreach (var id in values)
        {
            // The first value only; a hostile server's id stays short.
            return id.Length == 0 ? null : id.Length > RequestOptionsChecks.MaxRequestIdLength ? id[..RequestOptionsChecks.MaxRequestIdLength] : id;
        }

        return null;
    }
}
