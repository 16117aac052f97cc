namespace GenPro.Sdk.Http;

/// <summary>
/// Removes the client's API key from text that came back from the server (an echoed header in an error page),
/// so that it cannot reach an exception message, a log or a trace.
/// </summary>
internal sealed class SecretScrubber(string apiKey)
{
    internal const string Redacted = "[REDACTED]";

    private readonly string _apiKey = apiKey;

    public string? Scrub(string? text) =>
        text is null || !text.Contains(_apiKey, StringComparison.Ordinal)
            ? text
            : text.Replace(_apiKey, Redacted, StringComparison.Ordinal);
}
