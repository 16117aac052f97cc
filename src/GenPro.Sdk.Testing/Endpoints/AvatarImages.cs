using System.Globalization;
using System.Text;
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
    public const string SvgContentType = "image/svg+xml";

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

    /// <summary>A DeGod avatar has no uploaded file: a square SVG in a colour of its own, labelled with its id.</summary>
    public static ReadOnlyMemory<byte> DrawDeGod(long deGodId)
    {
        var hue = deGodId * 47 % 360;
        return Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"""
            <svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256"><rect width="256" height="256" fill="hsl({hue},55%,45%)"/><circle cx="128" cy="104" r="52" fill="hsl({hue},55%,80%)"/><text x="128" y="212" font-family="sans-serif" font-size="30" fill="#fff" text-anchor="middle">DeGod #{deGodId}</text></svg>
            """));
    }
}
