using System.Text;
using System.Text.RegularExpressions;

namespace GenPro.Sdk.Tests.Infrastructure;

/// <summary>
/// One part of a multipart body as it crossed the wire: <see cref="FileName"/> is the text between the quotes of
/// <c>filename="…"</c>, undecoded; <see cref="RawHeaders"/> are the part's header bytes read as UTF-8.
/// </summary>
public sealed record ReceivedPart(string Name, string? FileName, string? ContentType, byte[] Body, string RawHeaders);

/// <summary>
/// Splits a multipart/form-data body into its parts, byte for byte, checking the framing, for assertions on the exact
/// bytes sent. What the parts mean to a server (the <c>a[][k]</c> nesting, file names as Rails reads them) is
/// <see cref="RealRack"/>'s business: real Rack and the Testing package's parser, never a copy of their rules here.
/// </summary>
public static partial class WireParts
{
    public static IReadOnlyList<ReceivedPart> Parts(string contentType, byte[] body)
    {
        var match = BoundaryPattern().Match(contentType);
        match.Success.Should().BeTrue($"'{contentType}' names a boundary");
        var boundary = Encoding.ASCII.GetBytes("--" + (match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value));
        var parts = new List<ReceivedPart>();
        var span = body.AsSpan();
        var at = span.IndexOf(boundary);
        at.Should().Be(0, "the body starts with the first delimiter");
        while (true)
        {
            at += boundary.Length;
            if (span[at..].StartsWith("--"u8))
            {
                break; // closing delimiter
            }

            span.Slice(at, 2).SequenceEqual("\r\n"u8).Should().BeTrue("a delimiter line ends with CRLF");
            at += 2;
            var headerEnd = span[at..].IndexOf("\r\n\r\n"u8);
            var headers = Encoding.UTF8.GetString(span.Slice(at, headerEnd));
            var bodyStart = at + headerEnd + 4;
            var next = span[bodyStart..].IndexOf([.. "\r\n"u8, .. boundary]);
            next.Should().BeGreaterThanOrEqualTo(0, "every part is closed by a delimiter");
            parts.Add(ToPart(headers, span.Slice(bodyStart, next).ToArray()));
            at = bodyStart + next + 2;
        }

        return parts;
    }

    /// <summary>The part's name, file name and type as its headers spell them on the wire, undecoded.</summary>
    private static ReceivedPart ToPart(string headers, byte[] body)
    {
        string? name = null, fileName = null, type = null;
        foreach (var line in headers.Split("\r\n"))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var key = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            if (key.Equals("Content-Disposition", StringComparison.OrdinalIgnoreCase))
            {
                name = DispositionParam().Matches(value).FirstOrDefault(m => m.Groups[1].Value == "name")?.Groups[2].Value;
                fileName = DispositionParam().Matches(value).FirstOrDefault(m => m.Groups[1].Value == "filename")?.Groups[2].Value;
            }
            else if (key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                type = value;
            }
        }

        name.Should().NotBeNull($"every part is named: {headers}");
        return new ReceivedPart(name!, fileName, type, body, headers);
    }

    [GeneratedRegex("boundary=(?:\"([^\"]+)\"|([^;\\s]+))")]
    private static partial Regex BoundaryPattern();

    [GeneratedRegex("(\\w+\\*?)=\"([^\"]*)\"")]
    private static partial Regex DispositionParam();
}
