using System.Globalization;

namespace GenPro.Sdk;

/// <summary>
/// An avatar picture being read from the address the API gave (its CDN), as
/// <see cref="IAvatarsClient.OpenReadAsync(Avatar, AvatarImageSize, CancellationToken)"/> returns it: its format, checked
/// by its first bytes, and its body as a stream. It is yours to dispose: disposing it releases the connection, and until
/// then <see cref="GenProClientOptions.Timeout"/> (or the call's own) still bounds the read.
/// </summary>
/// <example>
/// <code>
/// await using var image = await client.Avatars.OpenReadAsync(avatar, AvatarImageSize.Thumbnail);
/// await image.SaveAsync("thumbnail" + image.FileExtension);
/// </code>
/// </example>
public sealed class AvatarImage : IDisposable, IAsyncDisposable
{
    internal AvatarImage(Uri url, string contentType, long? length, Stream content)
    {
        Url = url;
        ContentType = contentType;
        Length = length;
        Content = content;
    }

    /// <summary>The address the picture was read from (the last redirect's target is not shown).</summary>
    public Uri Url { get; }

    /// <summary>
    /// <c>image/jpeg</c>, <c>image/png</c> or <c>image/webp</c>, as the first bytes of the body say: the only formats the SDK
    /// hands out (a CDN's <c>Content-Type</c> header is not trusted for it).
    /// </summary>
    public string ContentType { get; }

    /// <summary>The file extension of <see cref="ContentType"/>: <c>.jpg</c>, <c>.png</c> or <c>.webp</c>.</summary>
    public string FileExtension => ContentType switch
    {
        "image/jpeg" => ".jpg",
        "image/png" => ".png",
        _ => ".webp",
    };

    /// <summary>The body's length in bytes when the server announced it (<c>Content-Length</c>); null otherwise.</summary>
    public long? Length { get; }

    /// <summary>
    /// The picture's bytes, from the first, read from the network as you read them (read-only, not seekable). A read fails
    /// with <see cref="GenProApiException"/> past <see cref="GenProClientOptions.MaxImageSize"/>, and with
    /// <see cref="GenProConnectionException"/> when the connection breaks or the call's time runs out.
    /// </summary>
    public Stream Content { get; }

    /// <summary>Copies the rest of the picture to <paramref name="destination"/>, which is left open.</summary>
    /// <param name="destination">Where the bytes go.</param>
    /// <param name="cancellationToken">Cancels the copy.</param>
    /// <returns>The number of bytes copied.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="destination"/> is null.</exception>
    /// <exception cref="GenProException">The read failed: too large, the connection broke, or the time ran out.</exception>
    public async Task<long> CopyToAsync(Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var buffer = new byte[16 * 1024];
        long total = 0;
        int read;
        while ((read = await Content.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            total += read;
        }

        return total;
    }

    /// <summary>
    /// Writes the rest of the picture to the file at <paramref name="path"/>, replacing one that is there. A read that fails
    /// deletes the partial file, so a file that exists afterwards holds the whole picture.
    /// </summary>
    /// <param name="path">The file to write, such as <c>"thumbnail" + image.FileExtension</c>.</param>
    /// <param name="cancellationToken">Cancels the copy.</param>
    /// <returns>The number of bytes written.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null, empty or white space.</exception>
    /// <exception cref="IOException">The file could not be written.</exception>
    /// <exception cref="GenProException">The read failed: too large, the connection broke, or the time ran out.</exception>
    public async Task<long> SaveAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0, useAsync: true);
        try
        {
            await using (file.ConfigureAwait(false))
            {
                return await CopyToAsync(file, cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    /// <summary>Releases the connection; the rest of the body is not read.</summary>
    public void Dispose() => Content.Dispose();

    /// <summary>Releases the connection; the rest of the body is not read.</summary>
    /// <returns>A task that completes when the connection is released.</returns>
    public ValueTask DisposeAsync() => Content.DisposeAsync();

    /// <summary>Describes the picture: its format, length and address without its query (a CDN may sign links there).</summary>
    /// <returns>A description safe to log.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"AvatarImage {{ ContentType = {ContentType}, Length = {(Length is { } length ? length.ToString(CultureInfo.InvariantCulture) : "(not announced)")}, Url = {Url.GetLeftPart(UriPartial.Path)} }}");
}
