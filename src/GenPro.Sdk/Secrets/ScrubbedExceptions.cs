using System.Text.Json;

namespace GenPro.Sdk.Secrets;

/// <summary>
/// Keeps secrets out of the inner exceptions the SDK attaches to its own: the texts of transport and JSON errors
/// can quote what the server sent (a garbage status line, an invalid header, a JSON property name), and with it a key
/// the server echoed. <see cref="Exception.ToString"/> prints every inner message, so those must be clean too.
/// </summary>
internal static class ScrubbedExceptions
{
    /// <summary>
    /// <paramref name="e"/> itself when no message in its chain reveals a secret (the usual case, stack traces kept);
    /// otherwise a copy of the chain, same types where the SDK knows them, with the secrets removed and without stack traces.
    /// </summary>
    public static Exception Of(Exception e, SecretScrubber scrubber, string[]? requestSecrets)
    {
        for (var link = e; link is not null; link = link.InnerException)
        {
            if (scrubber.Reveals(link.Message, requestSecrets) || (link is JsonException json && scrubber.Reveals(json.Path, requestSecrets)))
            {
                return Copy(e, scrubber, requestSecrets);
            }
        }

        return e;
    }

    private static Exception Copy(Exception e, SecretScrubber scrubber, string[]? requestSecrets)
    {
        var inner = e.InnerException is { } cause ? Copy(cause, scrubber, requestSecrets) : null;
        var message = scrubber.Scrub(e.Message, requestSecrets)!;
        return e switch
        {
            JsonException json => new JsonException(message, scrubber.Scrub(json.Path, requestSecrets), json.LineNumber, json.BytePositionInLine, inner),
            HttpRequestException http => new HttpRequestException(http.HttpRequestError, message, inner, http.StatusCode),
            OperationCanceledException => new OperationCanceledException(message, inner),
            IOException => new IOException(message, inner),
            _ => new InvalidOperationException($"{e.GetType().FullName}: {message}", inner),
        };
    }
}
