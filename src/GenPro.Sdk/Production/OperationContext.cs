using System.Net.Http.Headers;

namespace GenPro.Sdk.Production;

/// <summary>
/// What every request of one SDK operation shares: its <c>X-Request-Id</c> (the caller's or a fresh one), the caller's
/// extra headers and timeout. <see cref="Http.OperationRunner"/> starts it around the operation; the API-key handler
/// reads <see cref="Current"/> on every attempt and redirect hop, so all of them carry the same id. It travels as an
/// <see cref="AsyncLocal{T}"/> because Refit builds the request message where the runner cannot reach it; the value
/// flows into the handlers of the same call only and is restored when the operation ends.
/// </summary>
internal sealed class OperationContext : IDisposable
{
    public const string RequestIdHeader = "X-Request-Id";

    private static readonly AsyncLocal<OperationContext?> Ambient = new();

    private readonly OperationContext? _previous;
    private readonly CancellationTokenSource? _timeout;
    private readonly CancellationToken _callerToken;

    private OperationContext(GenProRequestOptions? options, CancellationToken cancellationToken)
    {
        Options = options;
        RequestId = options?.RequestId ?? Guid.NewGuid().ToString();
        _callerToken = cancellationToken;
        if (options?.Timeout is { } timeout && timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            _timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            _timeout.CancelAfter(timeout);
        }

        Token = _timeout?.Token ?? cancellationToken;
        _previous = Ambient.Value;
        Ambient.Value = this;
    }

    /// <summary>The operation the current asynchronous flow is running, if any.</summary>
    public static OperationContext? Current => Ambient.Value;

    public GenProRequestOptions? Options { get; }

    /// <summary>The id sent as <c>X-Request-Id</c> on every request of the operation.</summary>
    public string RequestId { get; }

    /// <summary>The server's own <c>X-Request-Id</c> from the last response, when it sent one.</summary>
    public string? ServerRequestId { get; private set; }

    /// <summary>The id to quote to the API's support: the server's when it answered with one, else the one sent.</summary>
    public string ReportedRequestId => ServerRequestId ?? RequestId;

    /// <summary>The caller's token, cancelled also when the per-call timeout passes.</summary>
    public CancellationToken Token { get; }

    /// <summary>Whether a cancellation came from the per-call timeout rather than the caller.</summary>
    public bool TimedOut => _timeout is { IsCancellationRequested: true } && !_callerToken.IsCancellationRequested;

    public static OperationContext Start(GenProRequestOptions? options, CancellationToken cancellationToken) => new(options, cancellationToken);

    /// <summary>Notes the server's request id of a response.</summary>
    public void Answered(HttpResponseMessage response) => ServerRequestId = ServerRequestIdOf(response) ?? ServerRequestId;

    /// <summary>Stamps the request id and the caller's extra headers on one attempt or hop.</summary>
    public void Stamp(HttpRequestHeaders headers)
    {
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
    }

    /// <summary>Puts the request id on an exception the operation throws.</summary>
    public TException Tag<TException>(TException exception)
        where TException : GenProException
    {
        exception.RequestId ??= ReportedRequestId;
        return exception;
    }

    public GenProConnectionException TimeoutException(string operation, OperationCanceledException cause) =>
        Tag(new GenProConnectionException(
            $"{operation} failed: the call did not finish within its GenProRequestOptions.Timeout of {Options?.Timeout}.", cause));

    public void Dispose()
    {
        if (Ambient.Value == this)
        {
            Ambient.Value = _previous;
        }

        _timeout?.Dispose();
    }

    internal static string? ServerRequestIdOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues(RequestIdHeader, out var values) && values.FirstOrDefault() is { Length: > 0 } id
            ? (id.Length > RequestOptionsRules.MaxRequestIdLength ? id[..RequestOptionsRules.MaxRequestIdLength] : id) // a hostile server's id stays short
            : null;
}
