using GenPro.Sdk.Avatars.Images;
using GenPro.Sdk.Internal;

namespace GenPro.Sdk;

/// <summary>
/// One avatar to add to an agent: a DeGod avatar by id, or a JPEG, PNG or WebP image from a file, a stream or bytes.
/// Images are recognised by their first bytes and anything else is refused with an <see cref="ArgumentException"/>
/// before a byte is sent; their bytes stream to the network without being copied into memory.
/// </summary>
public sealed class AvatarUpload
{
    private AvatarUpload(long? deGodAvatarId, ImageSource? image, bool isPrimary)
    {
        DeGodAvatarId = deGodAvatarId;
        Image = image;
        IsPrimary = isPrimary;
    }

    /// <summary>The DeGod avatar this upload refers to, or null for an image.</summary>
    public long? DeGodAvatarId { get; }

    /// <summary>Whether an agent create or update should make this avatar the primary one (<c>is_primary</c>).</summary>
    public bool IsPrimary { get; }

    /// <summary>The file name sent with an image, or null for a DeGod avatar.</summary>
    public string? FileName => Image?.FileName;

    internal ImageSource? Image { get; }

    /// <summary>Refers to a DeGod avatar by its id.</summary>
    /// <param name="deGodAvatarId">The DeGod avatar's id; positive.</param>
    /// <returns>The upload.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="deGodAvatarId"/> is not positive.</exception>
    public static AvatarUpload FromDeGod(long deGodAvatarId)
    {
        Guard.Id(deGodAvatarId, nameof(deGodAvatarId));
        return new AvatarUpload(deGodAvatarId, image: null, isPrimary: false);
    }

    /// <summary>
    /// An image file. It is checked now (it must exist and be a JPEG, PNG or WebP image) and opened, checked again and
    /// streamed from disk each time a request sends it, so the upload can be reused.
    /// </summary>
    /// <param name="path">The file's path; its name is sent as the file name.</param>
    /// <returns>The upload.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is blank, or the file is empty or not a JPEG, PNG or WebP image.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static AvatarUpload FromFile(string path)
    {
        Guard.NotBlank(path, nameof(path), "The avatar file path");
        var source = new FileImageSource(Path.GetFullPath(path));
        source.Check(nameof(path));
        return new AvatarUpload(deGodAvatarId: null, source, isPrimary: false);
    }

    /// <summary>
    /// An image read from <paramref name="stream"/>, from its current position to its end, when a request sends it.
    /// Its first bytes are checked then, before the request starts. A seekable stream can be resent (by a retry); a
    /// non-seekable one only once.
    /// </summary>
    /// <param name="stream">The image's bytes.</param>
    /// <param name="fileName">The file name to send, such as <c>face.png</c>.</param>
    /// <param name="leaveOpen">
    /// False (the default) hands the stream to the SDK, which disposes it when the request that sends it completes or
    /// fails; true leaves disposing it to the caller.
    /// </param>
    /// <returns>The upload.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="fileName"/> is blank, or <paramref name="stream"/> is closed or not readable.</exception>
    public static AvatarUpload FromStream(Stream stream, string fileName, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Guard.NotBlank(fileName, nameof(fileName), "The avatar file name");
        if (!stream.CanRead)
        {
            throw new ArgumentException("The avatar stream is closed or not readable.", nameof(stream));
        }

        return new AvatarUpload(deGodAvatarId: null, new StreamImageSource(stream, fileName, leaveOpen), isPrimary: false);
    }

    /// <summary>An image in memory. The bytes are not copied: do not change them until the upload is sent.</summary>
    /// <param name="bytes">The image's bytes.</param>
    /// <param name="fileName">The file name to send, such as <c>face.webp</c>.</param>
    /// <returns>The upload.</returns>
    /// <exception cref="ArgumentException"><paramref name="fileName"/> is blank, or the bytes are empty or not a JPEG, PNG or WebP image.</exception>
    public static AvatarUpload FromBytes(ReadOnlyMemory<byte> bytes, string fileName)
    {
        Guard.NotBlank(fileName, nameof(fileName), "The avatar file name");
        var contentType = ImageFormat.Require(bytes.Span[..Math.Min(bytes.Length, ImageFormat.SniffLength)], fileName, nameof(bytes));
        return new AvatarUpload(deGodAvatarId: null, new BytesImageSource(bytes, fileName, contentType), isPrimary: false);
    }

    /// <summary>A copy of this upload that an agent create or update marks primary (<c>is_primary: true</c>).</summary>
    /// <returns>The marked copy; it shares this upload's image source.</returns>
    public AvatarUpload AsPrimary() => new(DeGodAvatarId, Image, isPrimary: true);

    /// <inheritdoc />
    public override string ToString() => Image is null
        ? $"AvatarUpload {{ DeGodAvatarId = {DeGodAvatarId}, IsPrimary = {IsPrimary} }}"
        : $"AvatarUpload {{ FileName = {FileName}, IsPrimary = {IsPrimary} }}";
}
