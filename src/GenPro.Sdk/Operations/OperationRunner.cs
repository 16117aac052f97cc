using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using GenPro.Sdk.Bodies;
using GenPro.Sdk.Calls;
using GenPro.Sdk.Diagnostics;
using GenPro.Sdk.Errors;
using GenPro.Sdk.Http;
using GenPro.Sdk.Http.Resilience;
using GenPro.Sdk.Secrets;
using GenPro.Sdk.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GenPro.Sdk.Operations;

/// <summary>
/// Runs one SDK operation around its Refit call: starts its deadline and its scope (one span, one pair of logs, one
/// measurement: <see cref="OperationScope"/>), and turns every outcome into a result or a <see cref="GenProException"/>
/// (the caller's own cancellation excepted). Refit's hooks come here too (<see cref="RefitClients"/>): the error factory,
/// which also bounds a success body before Refit reads it (<see cref="ErrorOfAsync"/>), and the factory for a body that
/// could not be read as its model (<see cref="UnreadableBodyAsync"/>).
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "Its token source is cancelled at disposal, never disposed: a call starting as the client is disposed may still link to it; it has no timer.")]
internal sealed class OperationRunner(Uri baseAddress, SecretScrubber scrubber, ILogger? logger = null, OperationLimits? limits = null)
{
    private readonly ILogger _logger = logger ?? NullLogger.Instance;
    private readonly OperationLimits _limits = limits ?? OperationLimits.None;
    private readonly CancellationTokenSource _disposal = new();
    private volatile bool _disposed;

    /// <summary>The API's base address without its final <c>/</c>, which bounds how long a URL may get (<c>AvatarIds</c>).</summary>
    public string BaseAddress { get; } = baseAddress.AbsoluteUri.TrimEnd('/');

    /// <summary>
    /// Called by <see cref="GenProClient.Dispose"/> before it disposes the HTTP client: calls in flight, a body being
    /// read included, then end with a connection exception that says why, and new calls are refused.
    /// </summary>
    public void MarkDisposed()
    {
        _disposed = true;
        _disposal.Cancel();
    }

    /// <summary>
    /// Runs <paramref name="call"/> through <paramref name="send"/> (a Refit method, given <paramref name="state"/>: the
    /// endpoint's arguments, so that a static lambda needs no closure per call) and returns the model it read.
    /// </summary>
    public Task<T> RunAsync<TState, T>(OperationContext call, TState state, Func<TState, OperationContext, Task<T>> send, CancellationToken cancellationToken)
        where T : class
    {
        call.ReadsBody = true;
        return RunCoreAsync<TState, T>(call, state, send, cancellationToken);
    }

    /// <summary>Runs <paramref name="call"/> and reads an envelope such as <c>{"agent": {…}}</c>, returning what it wraps.</summary>
    public async Task<T> RunAsync<TState, TEnvelope, T>(
        OperationContext call, TState state, Func<TState, OperationContext, Task<TEnvelope>> send, CancellationToken cancellationToken)
        where TEnvelope : class, IEnvelope<T>
        where T : class
    {
        var envelope = await RunAsync(call, state, send, cancellationToken).ConfigureAwait(false);
        return envelope.Wrapped
               ?? throw call.Tag(ApiErrorFactory.UnreadableBody(call.LastResponse!, scrubber, call, $"its body had no \"{TEnvelope.PropertyName}\" object.", null));
    }

    /// <summary>Runs <paramref name="call"/>, whose success carries no body worth reading (delete, upload, set-primary).</summary>
    public Task RunAsync<TState>(OperationContext call, TState state, Func<TState, OperationContext, Task> send, CancellationToken cancellationToken) =>
        RunCoreAsync<TState, object>(call, state, send, cancellationToken);

    /// <summary>The one async method of a call: deadline, scope, the Refit call, and every outcome turned into a result or an exception.</summary>
    private async Task<TResult> RunCoreAsync<TState, TResult>(
        OperationContext call, TState state, Func<TState, OperationContext, Task> send, CancellationToken cancellationToken)
        where TResult : class
    {
        using var running = call.Start(_limits.StartDeadline(call.Options?.Timeout, cancellationToken, _disposal.Token), _limits.MaxResponseBodySize);
        ObjectDisposedException.ThrowIf(_disposed, typeof(GenProClient));
        var deadline = call.Deadline;
        var scope = OperationScope.Start(call, _logger, scrubber); // a struct: disposed in the finally, not by a using (a read-only copy)
        try
        {
            Task sending;
            try
            {
                sending = send(state, call);
                await sending.ConfigureAwait(false);
            }
            catch (OperationCanceledException e) when (deadline.CallerCancelled)
            {
                throw deadline.Cancelled(e);
            }
            catch (GenProException e)
            {
                // From Refit's hooks: an error status (the error factory), or a success whose body could not be read.
                switch (call.LastResponse)
                {
                    case { IsSuccessStatusCode: true } answered:
                        scope.Succeeded(answered, call);
                        break;
                    case { } answered when e is GenProApiException error:
                        scope.Failed(answered, error, call);
                        break;
                    default:
                        scope.Failed(e);
                        break;
                }

                throw call.Tag(e);
            }
            catch (Exception e) when (e is not ArgumentException)
            {
                scope.Failed(CallerFailure.Find(e) ?? e);
                CallerFailure.ThrowIfFound(e); // the caller's stream or progress callback failed: theirs to see, not the server's fault
                throw call.Tag(Failed(call, call.Name, "the call was in flight", e));
            }

            var response = call.LastResponse!;
            scope.Succeeded(response, call);
            call.Options?.OnResponse?.Invoke(ResponseHeaders.Capture(response, call, scrubber));
            if (!call.ReadsBody)
            {
                return null!; // a call without a result: nobody reads it
            }

            // Refit hands back no model for an empty body (204, Content-Length: 0), and the JSON literal null reads as none.
            return ((Task<TResult?>)sending).Result
                   ?? throw call.Tag(ApiErrorFactory.UnreadableBody(response, scrubber, call, "its body was empty or null.", null));
        }
        finally
        {
            scope.Dispose();
        }
    }

    /// <summary>
    /// Starts <paramref name="call"/> and sends the request <paramref name="send"/> makes itself (an avatar picture's GET on
    /// the CDN: an absolute link, no endpoint, so no Refit method), returning the success response while the call runs on:
    /// its body is read under the call's deadline by the caller, who disposes the call and the response when done. An error
    /// status becomes the typed exception as for any endpoint (<see cref="CreateErrorAsync"/>); a failure ends the call here.
    /// </summary>
    public async Task<HttpResponseMessage> OpenAsync<TState>(
        OperationContext call, TState state, Func<TState, OperationContext, Task<HttpResponseMessage>> send, CancellationToken cancellationToken)
    {
        call.Start(_limits.StartDeadline(call.Options?.Timeout, cancellationToken, _disposal.Token), _limits.MaxResponseBodySize);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, typeof(GenProClient));
            var deadline = call.Deadline;
            var scope = OperationScope.Start(call, _logger, scrubber);
            try
            {
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
                    throw call.Tag(Failed(call, call.Name, "the call was in flight", e));
                }

                if (response.IsSuccessStatusCode)
                {
                    scope.Succeeded(response, call);
                    return response;
                }

                var failure = await CreateErrorAsync(response).ConfigureAwait(false);
                if (failure is GenProApiException error)
                {
                    scope.Failed(response, error, call);
                }
                else
                {
                    scope.Failed(failure!);
                }

                throw failure is GenProException known ? call.Tag(known) : failure!;
            }
            finally
            {
                scope.Dispose();
            }
        }
        catch
        {
            call.Dispose();
            throw;
        }
    }

    /// <summary>Whether the client was disposed: a picture read that breaks off then says so (<see cref="MarkDisposed"/>).</summary>
    public bool IsDisposed => _disposed;

    /// <summary>Removes the key and the operation's provider keys from what a picture read quotes.</summary>
    public SecretScrubber Scrubber => scrubber;

    /// <summary>
    /// Refit's <c>ExceptionFactory</c>, which sees every response before Refit reads its body. For an error status, the
    /// typed exception, its body read (at most <see cref="ApiErrorFactory.MaxBodyBytes"/>, within the deadline) and the
    /// response released, since Refit leaves an error response to the exception it throws and this one keeps only what
    /// it read. For a success the operation parses, the body is buffered here first, at most
    /// <see cref="GenProClientOptions.MaxResponseBodySize"/> and within the deadline (<see cref="ResponseBodyLimit.BufferAsync"/>):
    /// Refit would buffer it unbounded. Nothing for any other success.
    /// </summary>
    public ValueTask<Exception?> ErrorOfAsync(HttpResponseMessage response) =>
        !response.IsSuccessStatusCode ? CreateErrorAsync(response)
        : OperationContext.Of(response.RequestMessage) is { ReadsBody: true } call ? BufferAsync(response, call)
        : default;

    /// <summary>Refit's <c>DeserializationExceptionFactory</c>: the reader's own exceptions pass; anything else is an unreadable body.</summary>
    public ValueTask<Exception?> UnreadableBodyAsync(HttpResponseMessage response, Exception e) =>
        ValueTask.FromResult<Exception?>(e is GenProException || OperationContext.Of(response.RequestMessage) is not { } call
            ? e
            : e is GenProContentSerializer.UnreadableModelException model
                ? ReadFailed(response, call, model.InnerException!, model.BodyType)
                : ReadFailed(response, call, e, bodyType: null));

    /// <summary>The model a body was read as, as a user knows it: <c>Agent</c>, <c>AgentSummary list</c>.</summary>
    internal static string ModelName(JsonTypeInfo bodyType) =>
        bodyType.Kind == JsonTypeInfoKind.Enumerable && (bodyType.Type.GetElementType() ?? bodyType.Type.GenericTypeArguments.FirstOrDefault()) is { } item
            ? item.Name + " list"
            : bodyType.Type.Name;

    /// <summary>Buffers a success body for Refit's reader, bounded; a failure ends the call as what it was, the response released.</summary>
    private async ValueTask<Exception?> BufferAsync(HttpResponseMessage response, OperationContext call)
    {
        try
        {
            await ResponseBodyLimit.BufferAsync(response.Content, call.MaxResponseBodySize, call.Deadline.Token).ConfigureAwait(false);
            return null;
        }
        catch (Exception e)
        {
            response.Dispose(); // Refit leaves the response to the exception, which keeps only its status and headers
            return ReadFailed(response, call, e, bodyType: null);
        }
    }

    /// <summary>Why a success body could not be read, as the caller should hear it; the caller's cancellation stays theirs.</summary>
    private Exception ReadFailed(HttpResponseMessage response, OperationContext call, Exception e, JsonTypeInfo? bodyType)
    {
        return e switch
        {
            JsonException when bodyType is not null => ApiErrorFactory.UnreadableBody(
                response, scrubber, call, $"its body could not be read as {ModelName(bodyType)}: {e.Message.Replace(bodyType.Type.ToString(), ModelName(bodyType), StringComparison.Ordinal)}", e),
            ResponseBodyLimit.ResponseBodyTooLargeException => ApiErrorFactory.UnreadableBody(response, scrubber, call, e.Message, null),
            OperationCanceledException cancelled when call.Deadline.CallerCancelled => call.Deadline.Cancelled(cancelled),
            IOException or HttpRequestException or OperationCanceledException or ObjectDisposedException or System.Text.DecoderFallbackException =>
                Failed(call, ApiErrorFactory.Describe(response, scrubber, call), "the response was read", e),
            _ => ApiErrorFactory.UnreadableBody(response, scrubber, call, $"its body could not be read: {e.Message}", e),
        };
    }

    private async ValueTask<Exception?> CreateErrorAsync(HttpResponseMessage response)
    {
        using (response)
        {
            if (OperationContext.Of(response.RequestMessage) is not { } call)
            {
                return new InvalidOperationException("GenPro.Sdk reads only the responses of its own operations.");
            }

            var deadline = call.Deadline;
            try
            {
                var error = await ApiErrorFactory.FromResponseAsync(response, scrubber, call, deadline.Token).ConfigureAwait(false);
                error.Response = ResponseHeaders.Capture(response, call, scrubber);
                return error;
            }
            catch (OperationCanceledException e) when (deadline.CallerCancelled)
            {
                return deadline.Cancelled(e);
            }
            catch (OperationCanceledException e)
            {
                // An error body that drips past the deadline, or the client disposed meanwhile: the call still ends, saying why.
                return Failed(call, ApiErrorFactory.Describe(response, scrubber, call), "the response was read", e);
            }
        }
    }

    /// <summary>A failure with no usable answer: the client's disposal, the deadline, or the transport, scrubbed of secrets.</summary>
    private GenProConnectionException Failed(OperationContext call, string what, string during, Exception e)
    {
        e = ScrubbedExceptions.Of(e, scrubber, call.Secrets);
        return _disposed
            ? new GenProConnectionException($"{what} failed: the client was disposed while {during}.", e)
            : e is OperationCanceledException && call.Deadline.Expired
                ? call.Deadline.TimedOut(what, e, call.Attempts)
                : TransportErrors.ToConnectionException(what, e, call.NotRetried, Attempts.After(call));
    }
}
