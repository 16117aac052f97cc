using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using GenPro.Sdk.Diagnostics;
using GenPro.Sdk.Errors;
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
        CancellationToken cancellationToken)
    {
        using var response = await SendAsync(operation, state, send, cancellationToken).ConfigureAwait(false);
        return await ReadJsonAsync(response, bodyType, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends the request and reads an envelope such as <c>{"agent": {…}}</c>, returning what it wraps.</summary>
    public async Task<TResult> RunAsync<TState, TEnvelope, TResult>(
        string operation,
        TState state,
        Func<TState, CancellationToken, Task<HttpResponseMessage>> send,
        JsonTypeInfo<TEnvelope> envelopeType,
        Func<TEnvelope, TResult?> unwrap,
        string expectedProperty,
        CancellationToken cancellationToken)
        where TResult : class
    {
        using var response = await SendAsync(operation, state, send, cancellationToken).ConfigureAwait(false);
        var envelope = await ReadJsonAsync(response, envelopeType, cancellationToken).ConfigureAwait(false);
        return unwrap(envelope)
               ?? throw ApiErrorFactory.UnreadableBody(response, $"its body had no \"{expectedProperty}\" object.", null);
    }

    /// <summary>Sends a request whose success carries no body worth reading (delete, upload, set-primary).</summary>
    public async Task RunAsync<TState>(
        string operation,
        TState state,
        Func<TState, CancellationToken, Task<HttpResponseMessage>> send,
        CancellationToken cancellationToken)
    {
        using var response = await SendAsync(operation, state, send, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends the request and returns a success response; an error status is read and thrown here, inside the operation's
    /// span, so the span carries the error code.
    /// </summary>
    private async Task<HttpResponseMessage> SendAsync<TState>(
        string operation,
        TState state,
        Func<TState, CancellationToken, Task<HttpResponseMessage>> send,
        CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, typeof(GenProClient));
        using var scope = OperationScope.Start(operation, _logger);
        HttpResponseMessage response;
        try
        {
            response = await send(state, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is not GenProException and not ArgumentException)
        {
            scope.Failed(e);
            throw _disposed
                ? new GenProConnectionException($"{operation} failed: the client was disposed while the call was in flight.", e)
                : TransportErrors.ToConnectionException(operation, e);
        }

        if (response.IsSuccessStatusCode)
        {
            scope.Succeeded(response);
            return response;
        }

        using (response)
        {
            var error = await ApiErrorFactory.FromResponseAsync(response, scrubber, cancellationToken).ConfigureAwait(false);
            scope.Failed(response, error);
            throw error;
        }
    }

    /// <summary>The model a body was read as, as a user knows it: <c>Agent</c>, <c>AgentSummary list</c>.</summary>
    internal static string ModelName(JsonTypeInfo bodyType) =>
        bodyType.Kind == JsonTypeInfoKind.Enumerable && (bodyType.Type.GetElementType() ?? bodyType.Type.GenericTypeArguments.FirstOrDefault()) is { } item
            ? item.Name + " list"
            : bodyType.Type.Name;

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
            throw ApiErrorFactory.UnreadableBody(response, $"its body could not be read as {ModelName(bodyType)}: {e.Message.Replace(bodyType.Type.ToString(), ModelName(bodyType), StringComparison.Ordinal)}", e);
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
