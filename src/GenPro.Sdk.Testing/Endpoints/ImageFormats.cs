namespace GenPro.Sdk.Testing.Endpoints;

/// <summary>Recognises the three image formats the API accepts by their first bytes, as the server does; names and content types are not trusted.</summary>
internal static class ImageFormats
{
    private static ReadOnlySpan<byte> Jpeg => [0xFF, 0xD8, 0xFF];

    private static ReadOnlySpan<byte> Png => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static ReadOnlySpan<byte> Riff => "RIFF"u8;

    private static ReadOnlySpan<byte> Webp => "WEBP"u8;

    /// <summary><c>jpeg</c>, <c>png</c>, <c>webp</c>, or null for anything else.</summary>
    public static string? Detect(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith(Jpeg))
        {
            return "jpeg";
        }

        if (content.StartsWith(Png))
        {
            return "png";
        }

        return content.Length >= 12 && content.StartsWith(Riff) && content[8..12].SequenceEqual(Webp) ? "webp" : null;
    }
}
