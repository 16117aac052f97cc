namespace GenPro.Sdk.Testing.Core;

/// <summary>A request as both hosting modes hand it to the core: already read, so the core never touches a socket.</summary>
internal sealed class FakeRequestData
{
    public required string Method { get; init; }

    /// <summary>The unescaped path, such as <c>/v1/agents/42</c>.</summary>
    public required string Path { get; init; }

    /// <summary>The query string with its <c>?</c>, or empty.</summary>
    public required string Query { get; init; }

    public required IReadOnlyDictionary<string, string[]> Headers { get; init; }

    public ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>The server's own address when it serves avatar images (a Kestrel host); null for the CDN's links.</summary>
    public Uri? ImageRoot { get; init; }

    public string? Header(string name) => Headers.TryGetValue(name, out var values) && values.Length > 0 ? values[0] : null;
}
