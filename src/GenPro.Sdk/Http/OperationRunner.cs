using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using GenPro.Sdk.Diagnostics;
using GenPro.Sdk.Errors;
using GenPro.Sdk.Production;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GenPro.Sdk.Http;

/// <summary>
/// Runs one SDK operation: sends it, turns every failure into a <see cref="GenProException"/> (the caller's own
/// cancellation excepted), and reads the body straight from the response stream with the source-generated
/// JSON metadata. State-passing overloads let callers use static lambdas, so no closure is allocated per call.
/// Each operation is one span, one pair of logs and one measurement (<see cref="OperationScope"/>).
/// </summary>
internal sealed class OperationRunner(SecretScrubber scrubber, ILogger? logger = null)
{
    private readonly ILogger _logger = logger ?? NullLogger.Instance;
    private volatile bool _disposed;

    /// <summary>
    /// Called by <see cref="GenProClient.Dispose"/> before it disposes the HTTP client: calls in flight then end with
    /// a connection exception that says why, and new calls are refused.
    /// </summary>
    public void MarkDisposed() => _disposed = true;

    /// <summary>Sends the request and reads a JSON body of type <typeparamref name="T"/>.</summary>
    public async Task<T> RunAsync<TState, T>(
        string operation,
        TState state,
        Func<TState, CancellationToken, Task<HttpResponseMessage>> send,
        JsonTypeInfo<T> bodyType,
        GenProRequestOptions? requestOptions,
        CancellationToken cancellationToken)
    {
        using var call = OperationContext.Start(requestOptions, cancellationToken);
        try
        {
            using var response = await SendAsync(operation, state, send, call).ConfigureAwait(false);
            return await ReadJsonAsync(response, bodyType, call.Token).ConfigureAwait(false);
        }
        catch (GenProException e)
        {
            call.Tag(e);
            throw;
        }
        catch (OperationCanceledException e) when (call.TimedOut)
        {
            throw call.TimeoutException(operation, e);
        }
    }

    /// <summary>Sends the request and reads an envelope such as <c>{"agent": {…}}</c>, returning what it wraps.</summary>
    public async Task<TResult> RunAsync<TState, TEnvelope, TResult>(
        string operation,
        TState state,
        Func<TState, CancellationToken, Task<HttpResponseMessage>> send,
        JsonTypeInfo<TEnvelope> envelopeType,
        Func<TEnvelope, TResult?> unwrap,
        string expectedProperty,
        GenProRequestOptions? requestOptions,
        CancellationToken cancellationToken)
        where TResult : class
    {
        using var call = OperationContext.Start(requestOptions, cancellationToken);
        try
        {
            using var response = await SendAsync(operation, state, send, call).ConfigureAwait(false);
            var envelope = await ReadJsonAsync(response, envelopeType, call.Token).ConfigureAwait(false);
            return unwrap(envelope)
                   ?? throw ApiErrorFactory.UnreadableBody(response, $"its body had no \"{expectedProperty}\" object.", null);
        }
        catch (GenProException e)
        {
            call.Tag(e);
            throw;
        }
        catch (OperationCanceledException e) when (call.TimedOut)
        {
            throw call.TimeoutException(operation, e);
        }
    }

    /// <summary>Sends a request whose success carries no body worth reading (delete, upload, set-primary).</summary>
    public async Task RunAsync<TState>(
        string operation,
        TState state,
        Func<TState, CancellationToken, Task<HttpResponseMessage>> send,
        GenProRequestOptions? requestOptions,
        CancellationToken cancellationToken)
    {
        using var call = OperationContext.Start(requestOptions, cancellationToken);
        try
        {
            using var response = await SendAsync(operation, state, send, call).ConfigureAwait(false);
        }
        catch (GenProException e)
        {
            call.Tag(e);
            throw;
        }
        catch (OperationCanceledException e) when (call.TimedOut)
        {
            throw call.TimeoutException(operation, e);
        }
    }

    /// <summary>
    /// Sends the request and returns a success response; an error status is read and thrown here, inside the operation's
    /// span, so the span carries the error code.
    /// </summary>
    private async Task<HttpResponseMessage> SendAsync<TState>(
        string operation,
        TState state,
        Func<TState, CancellationToken, Task<HttpResponseMessage>> send,
        OperationContext call)
    {
        ObjectDisposedException.ThrowIf(_disposed, typeof(GenProClient));
        var cancellationToken = call.Token;
        using var scope = OperationScope.Start(operation, _logger, call.RequestId);
        HttpResponseMessage response;
        try
        {
            response = await send(state, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (cancellationToken.IsCancellationRequested)
        {
            if (call.TimedOut)
            {
                scope.Failed(e); // the per-call timeout is a failure on the span, not the caller's cancellation
            }

            throw;
        }
        catch (Exception e) when (e is not GenProException and not ArgumentException)
        {
            scope.Failed(e);
            throw _disposed
                ? new GenProConnectionException($"{operation} failed: the client was disposed while the call was in flight.", e)
                : TransportErrors.ToConnectionException(operation, e);
        }

        call.Answered(response);
        if (response.IsSuccessStatusCode)
        {
            scope.Succeeded(response, call.ServerRequestId);
            call.Options?.OnResponse?.Invoke(ResponseHeaders.Capture(response, call.ReportedRequestId, scrubber));
            return response;
        }

        using (response)
        {
            var error = await ApiErrorFactory.FromResponseAsync(response, scrubber, cancellationToken).ConfigureAwait(false);
            error.Response = ResponseHeaders.Capture(response, call.ReportedRequestId, scrubber);
            scope.Failed(response, error, call.ServerRequestId);
            throw call.Tag(error);
        }
    }

    private static async Task<T> ReadJsonAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> bodyType, CancellationToken cancellationToken)
    {
        try
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var value = await JsonSerializer.DeserializeAsync(stream, bodyType, cancellationToken).ConfigureAwait(false);
                return value ?? throw ApiErrorFactory.UnreadableBody(response, "its body was empty or null.", null);
            }
        }
        catch (JsonException e)
        {
            throw ApiErrorFactory.UnreadableBody(response, $"its body could not be read as {typeof(T).Name}: {e.Message}", e);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is IOException or HttpRequestException or OperationCanceledException or System.Text.DecoderFallbackException)
        {
            throw TransportErrors.ToConnectionException(ApiErrorFactory.Describe(response), e);
        }
    }
}
