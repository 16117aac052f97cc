using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using GenPro.Sdk.Errors;

namespace GenPro.Sdk.Http;

/// <summary>
/// Runs one SDK operation: sends it, turns every failure into a <see cref="GenProException"/> (the caller's own
/// cancellation excepted), and reads the body straight from the response stream with the source-generated
/// JSON metadata. State-passing overloads let callers use static lambdas, so no closure is allocated per call.
/// </summary>
internal sealed class OperationRunner(SecretScrubber scrubber)
{
    /// <summary>Sends the request and reads a JSON body of type <typeparamref name="T"/>.</summary>
    public async Task<T> RunAsync<TState, T>(
        string operation,
        TState state,
        Func<TState, CancellationToken, Task<HttpResponseMessage>> send,
        JsonTypeInfo<T> bodyType,
        CancellationToken cancellationToken)
    {
        using var response = await SendAsync(operation, state, send, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
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
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
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
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<HttpResponseMessage> SendAsync<TState>(
        string operation,
        TState state,
        Func<TState, CancellationToken, Task<HttpResponseMessage>> send,
        CancellationToken cancellationToken)
    {
        try
        {
            return await send(state, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is not GenProException and not ArgumentException)
        {
            throw TransportErrors.ToConnectionException(operation, e);
        }
    }

    private async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw await ApiErrorFactory.FromResponseAsync(response, scrubber, cancellationToken).ConfigureAwait(false);
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
