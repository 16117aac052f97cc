using System.Globalization;

namespace GenPro.Sdk.Testing.State;

/// <summary>An avatar as the store keeps it; mutated only under <see cref="FakeStore.Gate"/>.</summary>
internal sealed class AvatarEntity
{
    public required long Id { get; init; }

    public required long AgentId { get; init; }

    public bool IsPrimary { get; set; }

    public long? DeGodAvatarId { get; init; }

    public string? FileName { get; init; }

    public string? ImageFormat { get; init; }

    public long Length { get; init; }

    /// <summary>The bytes served at <see cref="Url"/>: the uploaded image, or a generated picture for a DeGod avatar.</summary>
    public required ReadOnlyMemory<byte> Image { get; init; }

    /// <summary>The content type of <see cref="Image"/>.</summary>
    public required string ImageContentType { get; init; }

    /// <summary>The CDN the real API links to: the links an in-process handler returns.</summary>
    public static Uri CdnRoot { get; } = new("https://cdn.gen.pro/");

    public Uri Url => UrlOn(CdnRoot);

    public Uri ThumbnailUrl => ThumbnailUrlOn(CdnRoot);

    /// <summary>The image's link on <paramref name="root"/> (the CDN, or a fake server's own address, which serves it).</summary>
    public Uri UrlOn(Uri root) => new(root, string.Create(CultureInfo.InvariantCulture, $"avatars/{Id}/original.{ImageFormat ?? "webp"}"));

    /// <summary>The thumbnail's link on <paramref name="root"/>; the fake serves the original image there, not resized.</summary>
    public Uri ThumbnailUrlOn(Uri root) => new(root, string.Create(CultureInfo.InvariantCulture, $"avatars/{Id}/thumbnail.webp"));

    public FakeAvatar Snapshot() => new()
    {
        Id = Id,
        AgentId = AgentId,
        IsPrimary = IsPrimary,
        DeGodAvatarId = DeGodAvatarId,
        FileName = FileName,
        ImageFormat = ImageFormat,
        Length = Length,
        Url = Url,
        ThumbnailUrl = ThumbnailUrl,
    };
}
