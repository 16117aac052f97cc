using System.Net.Http.Headers;
using GenPro.Sdk.Http;
using GenPro.Sdk.Production;

namespace GenPro.Sdk.Operations;

/// <summary>
/// What every request of one SDK operation shares: its <c>X-Request-Id</c> (the caller's or a fresh one), the caller's
/// extra headers and timeout. <see cref="Operations.OperationRunner"/> starts it around the operation; the API-key handler
/// reads <see cref="Current"/> on every attempt and redirect hop, so all of them carry the same id. It travels as an
/// <see cref="AsyncLocal{T}"/> because Refit builds the request message where the runner cannot reach it; the value
/// flows into the handlers of the same call only and is restored when the operation ends.
/// </summary>
internal sealed class OperationContext : IDisposable
{
    public const string RequestIdHeader = "X-Request-Id";

    private static readonly AsyncLocal<OperationContext?> Ambient = new();

    private readonly OperationContext? _previous;

    private OperationContext(GenProRequestOptions? options, OperationDeadline deadline)
    {
        Options = options;
        Deadline = deadline;
        RequestId = options?.RequestId ?? Guid.NewGuid().ToString();
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

    /// <summary>The operation's time limit (the client's, or the call's shorter one) and the caller's token.</summary>
    public OperationDeadline Deadline { get; }

    public static OperationContext Start(GenProRequestOptions? options, OperationDeadline deadline) => new(options, deadline);

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

    public void Dispose()
    {
        if (Ambient.Value == this)
        {
            Ambient.Value = _previous;
        }

        Deadline.Dispose();
    }

    internal static string? ServerRequestIdOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues(RequestIdHeader, out var values) && values.FirstOrDefault() is { Length: > 0 } id
            ? (id.Length > RequestOptionsChecks.MaxRequestIdLength ? id[..RequestOptionsChecks.MaxRequestIdLength] : id) // a hostile server's id stays short
            : null;
}
