using System.Buffers;
using System.Net;
using System.Text;
using System.Text.Json;
using GenPro.Sdk.Http.Resilience;
using GenPro.Sdk.Operations;
using GenPro.Sdk.Secrets;

namespace GenPro.Sdk.Errors;

/// <summary>
/// Turns a response the SDK cannot use into the typed exception a caller branches on: <c>error_code</c> decides
/// first (it is stable across endpoints), the status second. Reads at most <see cref="MaxBodyBytes"/> of the
/// body, so a hostile 50 MB error page costs 64 KiB, never the whole body.
/// </summary>
internal static class ApiErrorFactory
{
    internal const int MaxBodyBytes = 64 * 1024;

    public static async Task<GenProApiException> FromResponseAsync(
        HttpResponseMessage response, SecretScrubber scrubber, OperationContext call, CancellationToken cancellationToken)
    {
        string? body;
        try
        {
            body = await ReadCappedAsync(response.Content, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            // The body broke off; the status alone still says what happened.
            body = null;
        }

        var (errorMessage, errorCode, isErrorBody) = ParseErrorBody(body);
        var requestSecrets = call.Secrets;

        // Scrubbed, cut to what the exception keeps, and scrubbed again: a key the cut splits in two is removed too.
        body = scrubber.Scrub(body, requestSecrets);
        body = scrubber.Scrub(body is { Length: > GenProApiException.MaxResponseBodyLength } ? body[..GenProApiException.MaxResponseBodyLength] : body, requestSecrets);
        errorMessage = scrubber.Scrub(errorMessage, requestSecrets);
        errorCode = scrubber.Scrub(errorCode, requestSecrets);
        var status = response.StatusCode;
        var message = new StringBuilder()
            .Append(Describe(response, scrubber, call)).Append(" answered ").Append((int)status).Append(' ').Append(status)
            .Append(Attempts.After(call));
        var refusal = call.RedirectRefusal;
        if (refusal is not null)
        {
            message.Append(", a redirect the SDK did not follow: ").Append(refusal);
        }

        if (errorCode is not null)
        {
            message.Append(" (").Append(errorCode).Append(')');
        }

        if (errorMessage is not null)
        {
            message.Append(": ").Append(errorMessage);
        }
        else if (!string.IsNullOrEmpty(body) && !isErrorBody && refusal is null)
        {
            message.Append(" with a body that is not a GEN error (")
                .Append(response.Content.Headers.ContentType?.MediaType ?? "no content type")
                .Append("); see ResponseBody");
        }

        // The whole message once more: the content type and anything else quoted from the response.
        return Create(RetryNotes.Append(scrubber.Scrub(message.ToString(), requestSecrets)!, call.NotRetried), status, errorCode, errorMessage, body, RetryAfterHeader.Read(response, TimeProvider.System), null);
    }

    /// <summary>A success status whose body the SDK could not use.</summary>
    public static GenProApiException UnreadableBody(HttpResponseMessage response, SecretScrubber scrubber, OperationContext call, string problem, Exception? inner)
    {
        // The problem may quote the body (a JSON error names the property it stopped at), and so may the inner exception.
        var secrets = call.Secrets;
        return new(
            scrubber.Scrub($"{Describe(response)} answered {(int)response.StatusCode} {response.StatusCode}{Attempts.After(call)}, but {problem}", secrets)!,
            response.StatusCode,
            innerException: inner is null ? null : ScrubbedExceptions.Of(inner, scrubber, secrets));
    }

    /// <summary>Chooses the exception type by <c>error_code</c> first, status second.</summary>
    public static GenProApiException Create(
        string message, HttpStatusCode status, string? code, string? error, string? body, TimeSpan? retryAfter, Exception? inner)
    {
        switch (code)
        {
            case GenProErrorCodes.Unauthorized:
                return new GenProAuthenticationException(message, status, code, error, body, inner);
            case GenProErrorCodes.PermissionDenied or GenProErrorCodes.Forbidden:
                return new GenProPermissionException(message, status, code, error, body, inner);
            case GenProErrorCodes.AgentNotFound or GenProErrorCodes.NotFound
                or GenProErrorCodes.OrganizationNotFound or GenProErrorCodes.UserVoiceResourceNotFound:
                return new GenProNotFoundException(message, status, code, error, body, inner);
        }

        return (int)status switch
        {
            401 => new GenProAuthenticationException(message, status, code, error, body, inner),
            403 => new GenProPermissionException(message, status, code, error, body, inner),
            404 => new GenProNotFoundException(message, status, code, error, body, inner),
            422 => new GenProValidationException(message, status, code, error, body, inner),
            429 => new GenProRateLimitException(message, status, code, error, body, retryAfter, inner),
            >= 500 and <= 599 => new GenProServerException(message, status, code, error, body, inner),
            _ => new GenProApiException(message, status, code, error, body, inner),
        };
    }

    /// <summary>The method and path of the last hop, scrubbed: a redirect chooses that path, and may have put a key in it.</summary>
    internal static string Describe(HttpResponseMessage response, SecretScrubber scrubber, OperationContext call) =>
        scrubber.Scrub(Describe(response), call.Secrets)!;

    /// <summary>"GET /v1/agents/42": the method and path, never the query or host.</summary>
    internal static string Describe(HttpResponseMessage response)
    {
        var request = response.RequestMessage;
        return request is null
            ? "The request"
            : $"{request.Method} {request.RequestUri?.AbsolutePath}";
    }

    private static async Task<string?> ReadCappedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = ArrayPool<byte>.Shared.Rent(MaxBodyBytes);
            try
            {
                var length = 0;
                int read;
                while (length < MaxBodyBytes
                       && (read = await stream.ReadAsync(buffer.AsMemory(length, MaxBodyBytes - length), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    length += read;
                }

                // Invalid UTF-8 becomes U+FFFD rather than an exception: the text is for people to read.
                return length == 0 ? null : Encoding.UTF8.GetString(buffer, 0, length);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    /// <summary>Reads <c>{"error": "...", "error_code": "..."}</c>; anything else yields nulls.</summary>
    private static (string? Error, string? Code, bool IsErrorBody) ParseErrorBody(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return (null, null, false);
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, null, false);
            }

            var error = StringProperty(document.RootElement, "error");
            var code = StringProperty(document.RootElement, "error_code");
            return (error, code, error is not null || code is not null);
        }
        catch (JsonException)
        {
            return (null, null, false);
        }
    }

    private static string? StringProperty(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
