using System.Text;

namespace GenPro.Sdk.Testing;

/// <summary>A request the fake received, recorded before any fault or rule applied.</summary>
public sealed record FakeRequest
{
    /// <summary>The HTTP method, upper case.</summary>
    public required string Method { get; init; }

    /// <summary>The path and query as sent, such as <c>/v1/agents?workspace_id=10</c>.</summary>
    public required string PathAndQuery { get; init; }

    /// <summary>Request and content headers, names case-insensitive.</summary>
    public required IReadOnlyDictionary<string, string[]> Headers { get; init; }

    /// <summary>The body bytes as received (empty when there was none).</summary>
    public ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>The body as UTF-8 text.</summary>
    public string BodyText => Encoding.UTF8.GetString(Body.Span);

    /// <summary>A header's values joined with <c>", "</c>, or null when it was not sent.</summary>
    /// <param name="name">The header name, any case.</param>
    /// <returns>The value, or null.</returns>
    public string? Header(string name) => Headers.TryGetValue(name, out var values) ? string.Join(", ", values) : null;
}
