namespace GenPro.Sdk.Http;

/// <summary>
/// Removes the client's API key, and the provider keys a request sent, from text that came back from the server
/// (an echoed header or field in an error page), so that they cannot reach an exception message, a log or a trace.
/// </summary>
internal sealed class SecretScrubber(Func<string?> apiKey)
{
    internal const string Redacted = "[REDACTED]";

    private readonly Func<string?> _apiKey = apiKey; // read on every use: the key may be rotated

    public string? Scrub(string? text, string[]? requestSecrets = null)
    {
        text = Remove(text, _apiKey() ?? string.Empty);
        if (requestSecrets is not null)
        {
            foreach (var secret in requestSecrets)
            {
                text = Remove(text, secret);
            }
        }

        return text;
    }

    private static string? Remove(string? text, string secret) =>
        text is null || secret.Length == 0 || !text.Contains(secret, StringComparison.Ordinal)
            ? text
            : text.Replace(secret, Redacted, StringComparison.Ordinal);
}
