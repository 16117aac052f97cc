using System.Globalization;
using GenPro.Sdk.Testing.Endpoints;

namespace GenPro.Sdk.Testing.State;

/// <summary>
/// An avatar as the store keeps it: its state is one immutable <see cref="FakeAvatar"/> (the snapshot itself), replaced
/// with <c>with</c> under <see cref="FakeStore.Gate"/>, beside the image it serves.
/// </summary>
internal sealed class AvatarEntity
{
    private AvatarEntity(FakeAvatar record, ReadOnlyMemory<byte> image, string imageContentType)
    {
        Record = record;
        Image = image;
        ImageContentType = imageContentType;
    }

    /// <summary>The CDN the real API links to: the links an in-process handler returns.</summary>
    public static Uri CdnRoot { get; } = new("https://cdn.gen.pro/");

    public FakeAvatar Record { get; set; }

    public long Id => Record.Id;

    /// <summary>The bytes served at the avatar's URL: the uploaded image, or a generated picture for a DeGod avatar.</summary>
    public ReadOnlyMemory<byte> Image { get; }

    /// <summary>The content type of <see cref="Image"/>.</summary>
    public string ImageContentType { get; }

    /// <summary>An uploaded image (<paramref name="imageFormat"/> set), or a DeGod avatar, for which a picture is drawn.</summary>
    public static AvatarEntity Create(long id, long agentId, long? deGodAvatarId, string? fileName, string? imageFormat, ReadOnlyMemory<byte> image, bool isPrimary)
    {
        var record = new FakeAvatar
        {
            Id = id,
            AgentId = agentId,
            IsPrimary = isPrimary,
            DeGodAvatarId = deGodAvatarId,
            FileName = fileName,
            ImageFormat = imageFormat,
            Length = image.Length,
            Url = OriginalOn(CdnRoot, id, imageFormat),
            ThumbnailUrl = ThumbnailOn(CdnRoot, id),
        };
        return imageFormat is null
            ? new(record, AvatarImages.DrawDeGod(deGodAvatarId ?? id), "image/png")
            : new(record, image, "image/" + imageFormat);
    }

    /// <summary>The image's link on <paramref name="root"/> (the CDN, or a fake server's own address, which serves it).</summary>
    public Uri UrlOn(Uri root) => OriginalOn(root, Id, Record.ImageFormat);

    /// <summary>The thumbnail's link on <paramref name="root"/>; the fake serves the original image there, not resized.</summary>
    public Uri ThumbnailUrlOn(Uri root) => ThumbnailOn(root, Id);

    private static Uri OriginalOn(Uri root, long id, string? imageFormat) =>
        new(root, string.Create(CultureInfo.InvariantCulture, $"avatars/{id}/original.{imageFormat ?? "webp"}"));

    private static Uri ThumbnailOn(Uri root, long id) => new(root, string.Create(CultureInfo.InvariantCulture, $"avatars/{id}/thumbnail.webp"));
}
