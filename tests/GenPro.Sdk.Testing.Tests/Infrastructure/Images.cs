using System.Net.Http.Headers;

namespace GenPro.Sdk.Testing.Tests.Infrastructure;

public static class Images
{
    public static byte[] Png { get; } = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];

    public static byte[] Jpeg { get; } = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16];

    public static byte[] Webp { get; } = [.. "RIFF"u8, 36, 0, 0, 0, .. "WEBP"u8, .. "VP8 "u8];

    public static byte[] Gif { get; } = [.. "GIF89a"u8, 1, 0, 1, 0];

    public static ByteArrayContent File(byte[] bytes, string contentType = "image/png")
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return content;
    }
}
