namespace GenPro.Sdk;

/// <summary>Which picture of an avatar to read: <see cref="Avatar.Url"/> or <see cref="Avatar.ThumbnailUrl"/>.</summary>
public enum AvatarImageSize
{
    /// <summary>The image as uploaded (<see cref="Avatar.Url"/>).</summary>
    Original = 0,

    /// <summary>The small square version the API makes (<see cref="Avatar.ThumbnailUrl"/>), for lists and galleries.</summary>
    Thumbnail = 1,
}
