namespace GenPro.Sdk.Testing;

/// <summary>A snapshot of an avatar in the fake's state.</summary>
public sealed record FakeAvatar
{
    /// <summary>The avatar's id, from one counter shared by all agents.</summary>
    public required long Id { get; init; }

    /// <summary>The agent the avatar belongs to.</summary>
    public required long AgentId { get; init; }

    /// <summary>Whether this is the agent's primary avatar.</summary>
    public bool IsPrimary { get; init; }

    /// <summary>The DeGod avatar it refers to, or null for an uploaded image.</summary>
    public long? DeGodAvatarId { get; init; }

    /// <summary>The uploaded file's name, or null for a DeGod avatar.</summary>
    public string? FileName { get; init; }

    /// <summary>The image format recognised by its first bytes (<c>jpeg</c>, <c>png</c>, <c>webp</c>), or null for a DeGod avatar.</summary>
    public string? ImageFormat { get; init; }

    /// <summary>How many bytes the uploaded image had; 0 for a DeGod avatar.</summary>
    public long Length { get; init; }

    /// <summary>The image's address, returned as <c>url</c>.</summary>
    public required Uri Url { get; init; }

    /// <summary>The thumbnail's address, returned as <c>thumbnail_url</c>.</summary>
    public required Uri ThumbnailUrl { get; init; }
}
