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

    public Uri Url => new(string.Create(CultureInfo.InvariantCulture, $"https://cdn.gen.pro/avatars/{Id}/original.{ImageFormat ?? "webp"}"));

    public Uri ThumbnailUrl => new(string.Create(CultureInfo.InvariantCulture, $"https://cdn.gen.pro/avatars/{Id}/thumbnail.webp"));

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
