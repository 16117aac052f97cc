using System.Diagnostics;
using System.Globalization;
using GenPro.Sdk.Operations;
using GenPro.Sdk.Secrets;
using Microsoft.Extensions.Logging;

namespace GenPro.Sdk.Diagnostics;

/// <summary>
/// One SDK operation as diagnostics see it: a span named <c>GenPro.&lt;Operation&gt;</c> (such as <c>GenPro.Agents.Get</c>),
/// the start and end logs, and the request count and duration. Ends exactly once, through one of the <c>Complete</c>
/// methods or, failing that, <see cref="Dispose"/>.
/// <para>
/// A struct, kept in the runner's async method (no object per call): it is mutable, so its owner holds it in a local
/// that is not a <c>using</c> variable (those are read-only, and a call on one would change a copy) and disposes it in a
/// <c>finally</c>.
/// </para>
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1815", Justification = "Never compared: one per operation, in the runner's locals.")]
internal struct OperationScope : IDisposable
{
    private readonly string _operation;
    private readonly string[]? _secrets;
    private readonly ILogger _logger;
    private readonly SecretScrubber? _scrubber;
    private readonly Activity? _activity;
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly IDisposable? _logScope;
    private bool _ended;

    /// <summary>
    /// The request id in every log of the operation, retries included. Named <c>GenProRequestId</c> because ASP.NET Core
    /// already puts its own <c>RequestId</c> (the incoming request's) in the scope of a host's logs.
    /// </summary>
    private static readonly Func<ILogger, string, IDisposable?> RequestIdScope =
        LoggerMessage.DefineScope<string>("GenPro request {GenProRequestId}");

    private OperationScope(OperationContext call, ILogger logger, SecretScrubber? scrubber)
    {
        var operation = call.Name;
        _operation = operation;
        _secrets = call.Secrets;
        _logger = logger;
        _scrubber = scrubber;
        _logScope = RequestIdScope(logger, call.RequestId);
        // Nothing is built for a span, log or measurement no one collects: with no listener an operation costs a
        // timestamp and this object, not a span name, a request path and a tag list per call.
        if (GenProTelemetry.Source.HasListeners())
        {
            _activity = GenProTelemetry.Source.StartActivity("GenPro." + operation, ActivityKind.Internal);
            _activity?.SetTag("genpro.operation", operation);
            _activity?.SetTag(RequestIdTag, call.RequestId);
            if (call.AgentId is { } agentId)
            {
                _activity?.SetTag("genpro.agent.id", agentId);
            }
        }

        GenProLog.OperationStarting(logger, operation);
    }

    /// <summary>The span tag of the <c>X-Request-Id</c> sent (OpenTelemetry names none for a request id).</summary>
    internal const string RequestIdTag = "genpro.request_id";

    /// <summary>The span tag of the server's <c>X-Request-Id</c>, set only when it differs from the one sent.</summary>
    internal const string ServerRequestIdTag = "genpro.server_request_id";

    /// <summary>
    /// Starts the scope of <paramref name="call"/>: its name, request id and agent id go on the span, the request id into
    /// the log scope; <paramref name="scrubber"/> cleans the path and host a redirect chose before they are logged or tagged.
    /// </summary>
    public static OperationScope Start(OperationContext call, ILogger logger, SecretScrubber? scrubber) => new(call, logger, scrubber);

    /// <summary>The API answered with a success status.</summary>
    public void Succeeded(HttpResponseMessage response, OperationContext call)
    {
        if (_activity is null && !GenProTelemetry.IsMeasuring)
        {
            _ended = true;
            if (_logger.IsEnabled(LogLevel.Debug))
            {
                LogAnswer(response); // with no span nor measurement, the clock is read for the log alone, or not at all
            }

            return;
        }

        TagServerRequestId(call);
        End(ResponseTags(response), LogAnswer(response), errorType: null, errorCode: null);
    }

    /// <summary>The API answered with an error status, turned into <paramref name="error"/>.</summary>
    public void Failed(HttpResponseMessage response, GenProApiException error, OperationContext call)
    {
        TagServerRequestId(call);
        var elapsed = LogAnswer(response);
        End(ResponseTags(response), elapsed, ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture), error.ErrorCode);
    }

    /// <summary>No usable answer: <paramref name="cause"/> is the transport or policy exception behind the failure.</summary>
    public void Failed(Exception cause)
    {
        var elapsed = Elapsed();
        var errorType = cause.GetType().Name;
        GenProLog.OperationFailed(_logger, _operation, elapsed.TotalMilliseconds, errorType);
        End(new TagList { { "genpro.operation", _operation } }, elapsed, errorType, errorCode: null);
    }

    /// <summary>Ends a scope no <c>Complete</c> method ended (the caller cancelled): the span ends without an error status.</summary>
    public void Dispose()
    {
        _logScope?.Dispose();
        if (!_ended)
        {
            _ended = true;
            _activity?.SetTag("genpro.cancelled", true);
            _activity?.Dispose();
        }
    }

    private readonly void TagServerRequestId(OperationContext call)
    {
        if (_activity is not null && call.ServerRequestId is { } serverRequestId && !Equals(_activity.GetTagItem(RequestIdTag), serverRequestId))
        {
            _activity.SetTag(ServerRequestIdTag, serverRequestId);
        }
    }

    private TagList ResponseTags(HttpResponseMessage response)
    {
        var tags = new TagList { { "genpro.operation", _operation }, { "http.response.status_code", (int)response.StatusCode } };
        var uri = response.RequestMessage?.RequestUri;
        if (uri is { IsAbsoluteUri: true } && _scrubber is not null && _scrubber.Reveals(uri.Host, _secrets))
        {
            // A redirect named a host that spells a key: the tags say only that it was redacted.
            tags.Add("server.address", SecretScrubber.Redacted);
            tags.Add("server.port", uri.Port);
            uri = null;
        }

        GenProTelemetry.AddServer(ref tags, uri);
        if (_activity is not null)
        {
            _activity.SetTag("http.request.method", response.RequestMessage?.Method.Method);
            _activity.SetTag("http.response.status_code", (int)response.StatusCode);
        }

        return tags;
    }

    private TimeSpan LogAnswer(HttpResponseMessage response)
    {
        var elapsed = Elapsed();
        if (!_logger.IsEnabled(LogLevel.Debug))
        {
            return elapsed;
        }

        var request = response.RequestMessage;
        var path = request?.RequestUri?.AbsolutePath ?? "?";
        path = _scrubber?.Scrub(path, _secrets) ?? path;
        GenProLog.OperationAnswered(_logger, _operation, request?.Method.Method ?? "?", path, (int)response.StatusCode, elapsed.TotalMilliseconds);
        return elapsed;
    }

    private void End(TagList tags, TimeSpan elapsed, string? errorType, string? errorCode)
    {
        _ended = true;
        if (errorType is not null)
        {
            tags.Add("error.type", errorType);
        }

        GenProTelemetry.Requests.Add(1, tags);
        GenProTelemetry.Duration.Record(elapsed.TotalSeconds, tags);
        if (_activity is not null)
        {
            if (errorType is not null)
            {
                // The error type and code only: a server's message might echo a provider key.
                _activity.SetTag("error.type", errorType);
                _activity.SetTag("genpro.error_code", errorCode);
                _activity.SetStatus(ActivityStatusCode.Error, errorCode ?? errorType);
            }

            _activity.Dispose();
        }
    }

    private TimeSpan Elapsed() => Stopwatch.GetElapsedTime(_started);
}
