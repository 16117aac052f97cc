using GenPro.Sdk.Avatars.Images;
using GenPro.Sdk.Bodies;
using GenPro.Sdk.Internal;

namespace GenPro.Sdk;

/// <summary>
/// One avatar to add to an agent: a DeGod avatar by id, or a JPEG, PNG or WebP image from a file, a stream or bytes.
/// Images are recognised by their first bytes and anything else is refused with an <see cref="ArgumentException"/>
/// before a byte is sent; their bytes stream to the network without being copied into memory.
/// <para>
/// The file name goes in raw UTF-8 inside <c>filename="…"</c>, as browsers send it, so Rails'
/// <c>original_filename</c> is exactly <see cref="FileName"/>: only the part after the last <c>/</c> or <c>\</c> is
/// sent (Rails would keep no more), and <c>"</c>, CR and LF travel percent-encoded and arrive as they were.
/// </para>
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

    /// <summary>The file name sent with an image (the part after the last <c>/</c> or <c>\</c>), or null for a DeGod avatar.</summary>
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
    /// <exception cref="ArgumentException"><paramref name="path"/> is blank, names a directory or no file, or the file is empty or not a JPEG, PNG or WebP image.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static AvatarUpload FromFile(string path)
    {
        Guard.NotBlank(path, nameof(path), "The avatar file path");
        var fullPath = Path.GetFullPath(path);
        if (Directory.Exists(fullPath))
        {
            // Opening a directory as a file throws UnauthorizedAccessException, which reads like a permissions problem.
            throw new ArgumentException("The avatar file path names a directory, not a file.", nameof(path));
        }

        var source = new FileImageSource(fullPath, PartFileName.Require(Path.GetFileName(fullPath), nameof(path)));
        source.Check(nameof(path));
        return new AvatarUpload(deGodAvatarId: null, source, isPrimary: false);
    }

    /// <summary>
    /// An image read from <paramref name="stream"/>, from its current position to its end, when a request sends it.
    /// Its first bytes are checked then, before the request starts. A seekable stream can be resent (by a retry, or
    /// to another agent: it is read again from the same position); a non-seekable one only once. A stream is in one
    /// upload at a time: a call that asks for a stream another call is sending is refused with an <see cref="ArgumentException"/>.
    /// A seekable stream's <c>Length</c> must not change while it is sent.
    /// <para>
    /// The stream stays the caller's: the SDK never disposes it unless <paramref name="disposeStream"/> is true
    /// (write it by name: <c>FromStream(stream, "face.png", disposeStream: true)</c>).
    /// </para>
    /// </summary>
    /// <param name="stream">The image's bytes.</param>
    /// <param name="fileName">The file name to send, such as <c>face.png</c>.</param>
    /// <param name="disposeStream">
    /// True hands the stream over: the SDK disposes it when the call that takes this upload ends, whether the avatar
    /// was sent, refused before sending (an image it does not recognise, a bad argument, cancellation) or refused by
    /// the API. The upload cannot be sent again after that. False (the default) leaves the stream open.
    /// </param>
    /// <returns>The upload.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="fileName"/> is blank or ends in <c>/</c> or <c>\</c>, or <paramref name="stream"/> is closed or not readable.</exception>
    public static AvatarUpload FromStream(Stream stream, string fileName, bool disposeStream = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Guard.NotBlank(fileName, nameof(fileName), "The avatar file name");
        var name = PartFileName.Require(fileName, nameof(fileName));
        if (!stream.CanRead)
        {
            throw new ArgumentException("The avatar stream is closed or not readable.", nameof(stream));
        }

        return new AvatarUpload(deGodAvatarId: null, new StreamImageSource(stream, name, disposeStream), isPrimary: false);
    }

    /// <summary>An image in memory. The bytes are not copied: do not change them until the upload is sent.</summary>
    /// <param name="bytes">The image's bytes.</param>
    /// <param name="fileName">The file name to send, such as <c>face.webp</c>.</param>
    /// <returns>The upload.</returns>
    /// <exception cref="ArgumentException"><paramref name="fileName"/> is blank or ends in <c>/</c> or <c>\</c>, or the bytes are empty or not a JPEG, PNG or WebP image.</exception>
    public static AvatarUpload FromBytes(ReadOnlyMemory<byte> bytes, string fileName)
    {
        Guard.NotBlank(fileName, nameof(fileName), "The avatar file name");
        fileName = PartFileName.Require(fileName, nameof(fileName));
        var contentType = ImageFormat.Require(bytes.Span[..Math.Min(bytes.Length, ImageFormat.SniffLength)], fileName, nameof(bytes));
        return new AvatarUpload(deGodAvatarId: null, new BytesImageSource(bytes, fileName, contentType), isPrimary: false);
    }

    /// <summary>A copy of this upload that an agent create or update marks primary (<c>is_primary: true</c>).</summary>
    /// <returns>The marked copy; it shares this upload's image source.</returns>
    public AvatarUpload AsPrimary() => new(DeGodAvatarId, Image, isPrimary: true);

    /// <summary>Disposes every stream handed over with <c>disposeStream: true</c>: the call that took them has ended.</summary>
    internal static void ReleaseHandedOver(IEnumerable<AvatarUpload?> uploads)
    {
        foreach (var upload in uploads)
        {
            (upload?.Image as StreamImageSource)?.ReleaseIfHandedOver();
        }
    }

    /// <inheritdoc />
    public override string ToString() => Image is null
        ? $"AvatarUpload {{ DeGodAvatarId = {DeGodAvatarId}, IsPrimary = {IsPrimary} }}"
        : $"AvatarUpload {{ FileName = {Printable(FileName)}, IsPrimary = {IsPrimary} }}";

    /// <summary>A name as it may go into a log line: control characters (a CR LF that would forge a line) as <c>\uXXXX</c>.</summary>
    private static string? Printable(string? text) =>
        text is null || !text.Any(char.IsControl)
            ? text
            : string.Concat(text.Select(static c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
}
