using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using GenPro.Sdk.Calls;
using GenPro.Sdk.Diagnostics;
using GenPro.Sdk.Errors;
using GenPro.Sdk.Secrets;
using GenPro.Sdk.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GenPro.Sdk.Operations;

/// <summary>
/// Runs one SDK operation: sends it, turns every failure into a <see cref="GenProException"/> (the caller's own
/// cancellation excepted), and reads the body straight from the response stream with the source-generated
/// JSON metadata. The endpoint clients describe each call with an <see cref="OperationContext"/> and the
/// <see cref="ApiRequest"/> their routes build; <see cref="RequestSender"/> sends it.
/// Each operation is one span, one pair of logs and one measurement (<see cref="OperationScope"/>).
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "Its token source is cancelled at disposal, never disposed: a call starting as the client is disposed may still link to it; it has no timer.")]
internal sealed class OperationRunner(RequestSender sender, SecretScrubber scrubber, ILogger? logger = null, OperationLimits? limits = null)
{
    private readonly ILogger _logger = logger ?? NullLogger.Instance;
    private readonly OperationLimits _limits = limits ?? OperationLimits.None;
    private readonly CancellationTokenSource _disposal = new();
    private volatile bool _disposed;

    /// <summary>The API's base address without its final <c>/</c>, which bounds how long a URL may get (<c>AvatarIds</c>).</summary>
    public string BaseAddress => sender.BaseAddress;

    /// <summary>
    /// Called by <see cref="GenProClient.Dispose"/> before it disposes the HTTP client: calls in flight, a body being
    /// read included, then end with a connection exception that says why, and new calls are refused.
    /// </summary>
    public void MarkDisposed()
    {
        _disposed = true;
        _disposal.Cancel();
    }

    /// <summary>Runs <paramref name="call"/>, sending <paramref name="request"/>, and reads a JSON body of type <typeparamref name="T"/>.</summary>
    public async Task<T> RunAsync<T>(
        OperationContext call, ApiRequest request, JsonTypeInfo<T> bodyType, CancellationToken cancellationToken)
    {
        using var running = Start(call, cancellationToken);
        try
        {
            using var response = await SendAsync(call, request).ConfigureAwait(false);
            return await ReadJsonAsync(response, bodyType, call).ConfigureAwait(false);
        }
        catch (GenProException e)
        {
            call.Tag(e);
            throw;
        }
    }

    /// <summary>Runs <paramref name="call"/> and reads an envelope such as <c>{"agent": {…}}</c>, returning what it wraps.</summary>
    public async Task<T> RunAsync<TEnvelope, T>(
        OperationContext call, ApiRequest request, JsonTypeInfo<TEnvelope> envelopeType, CancellationToken cancellationToken)
        where TEnvelope : IEnvelope<T>
        where T : class
    {
        using var running = Start(call, cancellationToken);
        try
        {
            using var response = await SendAsync(call, request).ConfigureAwait(false);
            var envelope = await ReadJsonAsync(response, envelopeType, call).ConfigureAwait(false);
            return envelope.Wrapped
                   ?? throw ApiErrorFactory.UnreadableBody(response, scrubber, call, $"its body had no \"{TEnvelope.PropertyName}\" object.", null);
        }
        catch (GenProException e)
        {
            call.Tag(e);
            throw;
        }
    }

    /// <summary>Runs <paramref name="call"/>, whose success carries no body worth reading (delete, upload, set-primary).</summary>
    public async Task RunAsync(OperationContext call, ApiRequest request, CancellationToken cancellationToken)
    {
        using var running = Start(call, cancellationToken);
        try
        {
            using var response = await SendAsync(call, request).ConfigureAwait(false);
        }
        catch (GenProException e)
        {
            call.Tag(e);
            throw;
        }
    }

    /// <summary>
    /// Starts <paramref name="call"/> and sends the request <paramref name="send"/> makes itself (an avatar image's GET on
    /// the CDN: an absolute URL, no endpoint), returning the success response while the call runs on: its body is read
    /// under the call's deadline by the caller, who disposes the call and the response when done. A failure ends the call here.
    /// </summary>
    public async Task<HttpResponseMessage> OpenAsync<TState>(
        OperationContext call, TState state, Func<TState, OperationContext, Task<HttpResponseMessage>> send, CancellationToken cancellationToken)
    {
        Start(call, cancellationToken);
        try
        {
            return await SendAsync(call, state, send).ConfigureAwait(false);
        }
        catch (GenProException e)
        {
            call.Tag(e);
            call.Dispose();
            throw;
        }
        catch
        {
            call.Dispose();
            throw;
        }
    }

    /// <summary>Whether the client was disposed: a body read that breaks off then says so (<see cref="MarkDisposed"/>).</summary>
    public bool IsDisposed => _disposed;

    /// <summary>Removes the key and the operation's provider keys from what a body read quotes.</summary>
    public SecretScrubber Scrubber => scrubber;

    private OperationContext Start(OperationContext call, CancellationToken cancellationToken) =>
        call.Start(_limits.StartDeadline(call.Options?.Timeout, cancellationToken, _disposal.Token));

    /// <summary>
    /// Sends the request and returns a success response; an error status is read and thrown here, inside the operation's
    /// span, so the span carries the error code.
    /// </summary>
    private ValueTask<HttpResponseMessage> SendAsync(OperationContext call, ApiRequest request) =>
        SendAsync(call, (sender, request), static (s, c) => s.sender.SendAsync(c, s.request));

    private async ValueTask<HttpResponseMessage> SendAsync<TState>(OperationContext call, TState state, Func<TState, OperationContext, Task<HttpResponseMessage>> send)
    {
        ObjectDisposedException.ThrowIf(_disposed, typeof(GenProClient));
        var operation = call.Name;
        var deadline = call.Deadline;
        using var scope = OperationScope.Start(call, _logger, scrubber);
        HttpResponseMessage response;
        try
        {
            response = await send(state, call).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (deadline.CallerCancelled)
        {
            throw deadline.Cancelled(e);
        }
        catch (Exception e) when (e is not GenProException and not ArgumentException)
        {
            scope.Failed(e);
            e = ScrubbedExceptions.Of(e, scrubber, call.Secrets);
            throw _disposed
                ? new GenProConnectionException($"{operation} failed: the client was disposed while the call was in flight.", e)
                : e is OperationCanceledException && deadline.Expired
                    ? deadline.TimedOut(operation, e)
                    : TransportErrors.ToConnectionException(operation, e, call.NotRetried);
        }

        call.Answered(response);
        if (response.IsSuccessStatusCode)
        {
            scope.Succeeded(response, call.ServerRequestId);
            call.Options?.OnResponse?.Invoke(ResponseHeaders.Capture(response, call, scrubber));
            return response;
        }

        using (response)
        {
            GenProApiException error;
            try
            {
                error = await ApiErrorFactory.FromResponseAsync(response, scrubber, call, deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException e) when (deadline.CallerCancelled)
            {
                throw deadline.Cancelled(e);
            }
            catch (OperationCanceledException e)
            {
                // An error body that drips past the deadline, or the client disposed meanwhile: the call still ends, saying why.
                scope.Failed(e);
                var what = ApiErrorFactory.Describe(response, scrubber, call);
                throw _disposed
                    ? new GenProConnectionException($"{what} failed: the client was disposed while the response was read.", e)
                    : deadline.TimedOut(what, e);
            }

            error.Response = ResponseHeaders.Capture(response, call, scrubber);
            scope.Failed(response, error, call.ServerRequestId);
            throw call.Tag(error);
        }
    }

    /// <summary>The model a body was read as, as a user knows it: <c>Agent</c>, <c>AgentSummary list</c>.</summary>
    internal static string ModelName(JsonTypeInfo bodyType) =>
        bodyType.Kind == JsonTypeInfoKind.Enumerable && (bodyType.Type.GetElementType() ?? bodyType.Type.GenericTypeArguments.FirstOrDefault()) is { } item
            ? item.Name + " list"
            : bodyType.Type.Name;

    private async ValueTask<T> ReadJsonAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> bodyType, OperationContext call)
    {
        var deadline = call.Deadline;
        try
        {
            var stream = await response.Content.ReadAsStreamAsync(deadline.Token).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var body = ResponseBodyLimit.Wrap(stream, response, _limits.MaxResponseBodySize);
                var value = await JsonSerializer.DeserializeAsync(body, bodyType, deadline.Token).ConfigureAwait(false);
                return value ?? throw ApiErrorFactory.UnreadableBody(response, scrubber, call, "its body was empty or null.", null);
            }
        }
        catch (JsonException e)
        {
            throw ApiErrorFactory.UnreadableBody(response, scrubber, call, $"its body could not be read as {ModelName(bodyType)}: {e.Message.Replace(bodyType.Type.ToString(), ModelName(bodyType), StringComparison.Ordinal)}", e);
        }
        catch (ResponseBodyLimit.ResponseBodyTooLargeException e)
        {
            throw ApiErrorFactory.UnreadableBody(response, scrubber, call, e.Message, null);
        }
        catch (OperationCanceledException e) when (deadline.CallerCancelled)
        {
            throw deadline.Cancelled(e);
        }
        catch (Exception e) when (e is IOException or HttpRequestException or OperationCanceledException or ObjectDisposedException or System.Text.DecoderFallbackException)
        {
            var what = ApiErrorFactory.Describe(response, scrubber, call);
            e = ScrubbedExceptions.Of(e, scrubber, call.Secrets);
            throw _disposed
                ? new GenProConnectionException($"{what} failed: the client was disposed while the response was read.", e)
                : deadline.Expired ? deadline.TimedOut(what, e) : TransportErrors.ToConnectionException(what, e, call.NotRetried);
        }
    }
}
