using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace GenPro.Sdk.Testing.Multipart;

/// <summary>
/// Reads a request body into the parameter tree Rails controllers see (multipart part headers are read as UTF-8, as
/// Rack keeps their raw bytes): JSON objects as they are (numbers and
/// booleans as their text, as Rails casts them anyway), multipart and url-encoded forms through <see cref="RackParams"/>.
/// </summary>
internal static class RequestParams
{
    public static async Task<Dictionary<string, object?>> ReadAsync(ReadOnlyMemory<byte> body, string? contentType, CancellationToken cancellationToken)
    {
        if (body.IsEmpty || string.IsNullOrWhiteSpace(contentType) || !MediaTypeHeaderValue.TryParse(contentType, out var mediaType))
        {
            return RackParams.NewHash();
        }

        var type = mediaType.MediaType.Value ?? string.Empty;
        if (type.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            var boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value;
            if (string.IsNullOrEmpty(boundary))
            {
                throw new RackParamsException("multipart/form-data without a boundary.");
            }

            return RackParams.Parse(await ReadMultipartAsync(body, boundary, cancellationToken).ConfigureAwait(false));
        }

        if (type.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            return RackParams.Parse(ParseUrlEncoded(Encoding.UTF8.GetString(body.Span)));
        }

        if (type.Equals("application/json", StringComparison.OrdinalIgnoreCase) || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase))
        {
            return FromJson(body);
        }

        return RackParams.NewHash();
    }

    /// <summary>Splits <c>a=1&amp;b[]=2</c> in order, decoding <c>+</c> and percent escapes; keeps repeated names.</summary>
    public static IEnumerable<KeyValuePair<string, object?>> ParseUrlEncoded(string text)
    {
        foreach (var pair in text.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Decode(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? null : Decode(pair[(equals + 1)..]);
            yield return new(name, value);
        }

        static string Decode(string s) => Uri.UnescapeDataString(s.Replace('+', ' '));
    }

    private static async Task<List<KeyValuePair<string, object?>>> ReadMultipartAsync(
        ReadOnlyMemory<byte> body, string boundary, CancellationToken cancellationToken)
    {
        var pairs = new List<KeyValuePair<string, object?>>();
        using var stream = new MemoryStream(body.ToArray(), writable: false);
        var reader = new MultipartReader(boundary, stream) { BodyLengthLimit = null };
        try
        {
            while (await reader.ReadNextSectionAsync(cancellationToken).ConfigureAwait(false) is { } section)
            {
                // Named and file-named as Rack reads them: raw UTF-8 names, percent escapes, basenames (RackDisposition).
                if (section.ContentDisposition is not { } disposition || RackDisposition.Name(disposition) is not { } name)
                {
                    continue;
                }

                using var content = new MemoryStream();
                await section.Body.CopyToAsync(content, cancellationToken).ConfigureAwait(false);
                var fileName = RackDisposition.FileName(disposition);
                if (fileName is null)
                {
                    pairs.Add(new(name, Encoding.UTF8.GetString(content.GetBuffer(), 0, (int)content.Length)));
                }
                else if (fileName.Length > 0)
                {
                    // Rack drops a part whose filename is empty: no file was chosen in the form.
                    pairs.Add(new(name, new RackFile(fileName, section.ContentType, content.ToArray())));
                }
            }
        }
        catch (IOException e)
        {
            throw new RackParamsException("The multipart body is malformed: " + e.Message);
        }
        catch (InvalidDataException e)
        {
            throw new RackParamsException("The multipart body is malformed: " + e.Message);
        }

        return pairs;
    }

    private static Dictionary<string, object?> FromJson(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return FromJson(document.RootElement) as Dictionary<string, object?>
                   ?? throw new RackParamsException("The JSON body is not an object.");
        }
        catch (JsonException e)
        {
            throw new RackParamsException("The JSON body is malformed: " + e.Message);
        }
    }

    private static object? FromJson(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var hash = RackParams.NewHash();
                foreach (var property in element.EnumerateObject())
                {
                    hash[property.Name] = FromJson(property.Value);
                }

                return hash;
            case JsonValueKind.Array:
                var list = new List<object?>();
                foreach (var item in element.EnumerateArray())
                {
                    list.Add(FromJson(item));
                }

                return list;
            case JsonValueKind.String:
                return element.GetString();
            case JsonValueKind.Number:
                return element.GetRawText();
            case JsonValueKind.True:
                return "true";
            case JsonValueKind.False:
                return "false";
            default:
                return null;
        }
    }
}
