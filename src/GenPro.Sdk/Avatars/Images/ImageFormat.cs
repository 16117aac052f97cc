namespace GenPro.Sdk.Avatars.Images;

/// <summary>
/// Recognises the image formats the API accepts by their first bytes, so a wrong file is refused before a byte is
/// sent instead of after a whole upload (the API answers <c>avatar_creation_failed</c>).
/// </summary>
internal static class ImageFormat
{
    /// <summary>How many leading bytes <see cref="Require"/> needs to tell every accepted format apart (WebP's).</summary>
    public const int SniffLength = 12;

    public static string? Detect(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return "image/jpeg";
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return "image/png";
        }

        // RIFF, a 4-byte size, then WEBP.
        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head.Slice(8, 4).SequenceEqual("WEBP"u8))
        {
            return "image/webp";
        }

        return null;
    }

    /// <summary>The content type of <paramref name="head"/>, or an <see cref="ArgumentException"/> naming the file.</summary>
    public static string Require(ReadOnlySpan<byte> head, string fileName, string paramName)
    {
        if (head.IsEmpty)
        {
            throw new ArgumentException($"The avatar image '{fileName}' is empty.", paramName);
        }

        return Detect(head) ?? throw new ArgumentException(
            $"The avatar image '{fileName}' is not a JPEG, PNG or WebP image (it starts with {Convert.ToHexString(head[..Math.Min(head.Length, 8)])}); the API accepts only those.",
            paramName);
    }

    /// <summary>Reads up to <paramref name="buffer"/>'s length, fewer only at the end of the stream.</summary>
    public static async ValueTask<int> ReadHeadAsync(Stream stream, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var total = 0;
        int read;
        while (total < buffer.Length && (read = await stream.ReadAsync(buffer[total..], cancellationToken).ConfigureAwait(false)) > 0)
        {
            total += read;
        }

        return total;
    }
}
