using System.Globalization;

namespace GenPro.Sdk.Tests.Infrastructure;

/// <summary>
/// A request as a <see cref="LoopbackServer"/> read it off the socket: <see cref="Head"/> is the request line and
/// headers exactly as received (up to and with the blank line); <see cref="Headers"/> has lower-case names.
/// <see cref="Body"/> holds the exact body bytes when the behaviour kept them; <see cref="BodyLength"/> counts what it read.
/// </summary>
public sealed record RawRequest(string Head, string Method, string Target, IReadOnlyDictionary<string, string> Headers)
{
    /// <summary>Where the request stands among those the server received, from 0.</summary>
    public int Index { get; init; }

    public byte[]? Body { get; init; }

    public long BodyLength { get; init; }

    public string ContentType => Headers["content-type"];

    /// <summary>The announced Content-Length, or null for none (chunked, or no body).</summary>
    public long? ContentLength => Headers.TryGetValue("content-length", out var length) ? long.Parse(length, CultureInfo.InvariantCulture) : null;

    public bool IsChunked => Headers.TryGetValue("transfer-encoding", out var coding) && coding.Contains("chunked", StringComparison.OrdinalIgnoreCase);

    internal static RawRequest Parse(string head)
    {
        var lines = head.Split("\r\n");
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers[line[..colon].Trim().ToLowerInvariant()] = line[(colon + 1)..].Trim();
            }
        }

        var requestLine = lines[0].Split(' ');
        return new RawRequest(head, requestLine[0], requestLine.ElementAtOrDefault(1) ?? "", headers);
    }
}
