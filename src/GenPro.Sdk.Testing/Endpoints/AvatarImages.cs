using GenPro.Sdk.Testing.Core;
using GenPro.Sdk.Testing.State;

namespace GenPro.Sdk.Testing.Endpoints;

/// <summary>
/// Serves avatar images at the links the fake returns (<c>GET /avatars/{id}/original.png</c>, <c>…/thumbnail.webp</c>),
/// so a notebook or a browser shows real pictures offline. The file name is not looked at: every link of an avatar
/// serves its stored bytes with their own content type (the fake does not resize or re-encode).
/// </summary>
internal static class AvatarImages
{
    /// <summary>The picture of an avatar seeded with <see cref="FakeGenProApi.AddAvatar"/>: a 2×2 purple PNG.</summary>
    public static ReadOnlyMemory<byte> SeedPng { get; } = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGOMsjnBwMDAxMDAwMDAAAAQJAFiilVxOAAAAABJRU5ErkJggg==");

    public static bool IsImageRequest(FakeRequestData request) =>
        request.Method == "GET" && request.Path.StartsWith("/avatars/", StringComparison.Ordinal);

    /// <summary>The image, or 404 for an avatar that does not exist (or was deleted). Called with the store's lock held.</summary>
    public static FakeResponse Serve(FakeStore store, FakeRequestData request)
    {
        var segments = request.Path.Split('/');
        if (segments is not ["", "avatars", var id, { Length: > 0 }]
            || !ParamReader.TryId(id, out var avatarId)
            || !store.Avatars.TryGetValue(avatarId, out var avatar))
        {
            return FakeResponse.Error(404, "not_found", "Not found");
        }

        return new FakeResponse
        {
            Status = 200,
            ContentType = avatar.ImageContentType,
            Body = avatar.Image,
        };
    }

    /// <summary>A DeGod avatar has no uploaded file: a PNG in a colour of its own (<see cref="AvatarPainter"/>).</summary>
    public static ReadOnlyMemory<byte> DrawDeGod(long deGodId) => AvatarPainter.DeGod(deGodId);
}
