using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace GenPro.Sdk.Tests.Infrastructure;

/// <summary>One part of a multipart body as the server received it.</summary>
public sealed record ReceivedPart(string Name, string? FileName, string? ContentType, byte[] Body, string RawHeaders);

/// <summary>
/// Parses a multipart/form-data body the way Rack does, so tests see the params a Rails server would see.
/// The rule that matters: for <c>a[][k]=v</c>, <c>k</c> joins the last hash of <c>a</c> unless that hash already
/// has <c>k</c>, in which case a new hash starts.
/// </summary>
public static partial class RackMultipart
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
            var headers = Encoding.ASCII.GetString(span.Slice(at, headerEnd));
            var bodyStart = at + headerEnd + 4;
            var next = span[bodyStart..].IndexOf([.. "\r\n"u8, .. boundary]);
            next.Should().BeGreaterThanOrEqualTo(0, "every part is closed by a delimiter");
            parts.Add(ToPart(headers, span.Slice(bodyStart, next).ToArray()));
            at = bodyStart + next + 2;
        }

        return parts;
    }

    /// <summary>The params Rack would build; a file becomes <c>"file:name:type:length"</c>.</summary>
    public static JsonObject Params(IEnumerable<ReceivedPart> parts)
    {
        var root = new JsonObject();
        foreach (var part in parts)
        {
            var value = part.FileName is null
                ? Encoding.UTF8.GetString(part.Body)
                : $"file:{part.FileName}:{part.ContentType}:{part.Body.Length}";
            Normalize(root, Segments(part.Name), 0, value);
        }

        return root;
    }

    public static string ParamsJson(string contentType, byte[] body) => Params(Parts(contentType, body)).ToJsonString();

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

    private static List<string> Segments(string name)
    {
        var first = name.IndexOf('[', StringComparison.Ordinal);
        if (first < 0)
        {
            return [name];
        }

        var segments = new List<string> { name[..first] };
        foreach (Match m in BracketPattern().Matches(name[first..]))
        {
            segments.Add(m.Groups[1].Value);
        }

        return segments;
    }

    private static void Normalize(JsonObject parent, List<string> segments, int i, string value)
    {
        var key = segments[i];
        if (i == segments.Count - 1)
        {
            parent[key] = value;
            return;
        }

        if (segments[i + 1].Length > 0)
        {
            if (parent[key] is not JsonObject child)
            {
                child = new JsonObject();
                parent[key] = child;
            }

            Normalize(child, segments, i + 1, value);
            return;
        }

        if (parent[key] is not JsonArray array)
        {
            array = [];
            parent[key] = array;
        }

        if (i + 1 == segments.Count - 1)
        {
            array.Add(value); // a[]=v
            return;
        }

        // a[][k]...: join the last hash unless it already has k (Rack's params_hash_has_key?).
        var childKey = segments[i + 2];
        if (array.Count > 0 && array[^1] is JsonObject last && !last.ContainsKey(childKey))
        {
            Normalize(last, segments, i + 2, value);
        }
        else
        {
            var fresh = new JsonObject();
            array.Add(fresh);
            Normalize(fresh, segments, i + 2, value);
        }
    }

    [GeneratedRegex("boundary=(?:\"([^\"]+)\"|([^;\\s]+))")]
    private static partial Regex BoundaryPattern();

    [GeneratedRegex("\\[([^\\]]*)\\]")]
    private static partial Regex BracketPattern();

    [GeneratedRegex("(\\w+\\*?)=\"([^\"]*)\"")]
    private static partial Regex DispositionParam();
}
