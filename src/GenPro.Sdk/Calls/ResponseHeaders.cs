using System.Collections.ObjectModel;
using GenPro.Sdk.Operations;
using GenPro.Sdk.Secrets;

namespace GenPro.Sdk.Calls;

/// <summary>Copies a response's headers into the read-only view <see cref="GenProResponse"/> exposes, leaving secrets out.</summary>
internal static class ResponseHeaders
{
    /// <summary>Headers that carry credentials or session state: never copied, whatever the server sends.</summary>
    private static readonly HashSet<string> Withheld = new(StringComparer.OrdinalIgnoreCase)
    {
        "Set-Cookie", "Set-Cookie2", "Cookie", "X-API-Key", "Authorization", "Proxy-Authorization", "Proxy-Authenticate", "WWW-Authenticate",
    };

    public static GenProResponse Capture(HttpResponseMessage response, OperationContext call, SecretScrubber scrubber)
    {
        var secrets = call.Secrets;
        var copy = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers.NonValidated)
        {
            Add(copy, name, values.ToString(), scrubber, secrets);
        }

        foreach (var (name, values) in Http.BoundedResponseContent.HeadersOf(response).NonValidated)
        {
            Add(copy, name, values.ToString(), scrubber, secrets);
        }

        return new GenProResponse(response.StatusCode, new ReadOnlyDictionary<string, string>(copy), call.ReportedRequestId, response.Headers.Date ?? TimeProvider.System.GetUtcNow());
    }

    /// <summary>The same filter over headers a test supplies (<see cref="GenProModelFactory"/>).</summary>
    public static IReadOnlyDictionary<string, string> From(IEnumerable<KeyValuePair<string, string>>? headers)
    {
        var copy = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in headers ?? [])
        {
            if (!Withheld.Contains(name))
            {
                copy[name] = copy.TryGetValue(name, out var earlier) ? earlier + ", " + value : value;
            }
        }

        return new ReadOnlyDictionary<string, string>(copy);
    }

    public static DateTimeOffset DateOf(IReadOnlyDictionary<string, string> headers) =>
        headers.TryGetValue("Date", out var date) && DateTimeOffset.TryParse(date, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed
            : TimeProvider.System.GetUtcNow();

    private static void Add(Dictionary<string, string> copy, string name, string value, SecretScrubber scrubber, string[]? secrets)
    {
        if (!Withheld.Contains(name))
        {
            copy[name] = scrubber.Scrub(value, secrets) ?? string.Empty;
        }
    }
}
