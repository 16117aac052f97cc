using System.Runtime.CompilerServices;
using System.Text;
using GenPro.Sdk.Tests.Infrastructure;

namespace GenPro.Sdk.Tests.Avatars.Pictures;

/// <summary>
/// The two origins an image read involves, as real loopback listeners: the API (which hands out the links, and checks
/// the key) and a CDN on another port (another origin) that serves the pictures the test chooses and records each request
/// head as it arrived, so a test can assert what reached it.
/// </summary>
internal static class ImageServers
{
    /// <summary>A small real PNG (the fake's seeded avatar): 79 bytes.</summary>
    public static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGOMsjnBwMDAxMDAwMDAAAAQJAFiilVxOAAAAABJRU5ErkJggg==");

    /// <summary>
    /// A CDN that answers every request on a keep-alive connection with what <paramref name="answer"/> says for its head;
    /// <paramref name="connections"/> counts the connections it accepted.
    /// </summary>
    public static LoopbackServer Cdn(Func<RawRequest, (int Status, string ContentType, byte[] Body)> answer, StrongBox<int>? connections = null) =>
        new(async connection =>
        {
            if (connections is not null)
            {
                Interlocked.Increment(ref connections.Value);
            }

            while (await connection.ReadRequestAsync(keepBody: false) is { } request)
            {
                var (status, type, body) = answer(request);
                await connection.WriteAsync($"HTTP/1.1 {status} Status\r\nContent-Type: {type}\r\nContent-Length: {body.Length}\r\n\r\n");
                await connection.Stream.WriteAsync(body);
            }
        });

    /// <summary>A CDN that serves <paramref name="body"/> as <c>image/png</c> at every path.</summary>
    public static LoopbackServer Cdn(byte[] body, StrongBox<int>? connections = null) => Cdn(_ => (200, "image/png", body), connections);

    /// <summary>The CDN's root, <c>http://127.0.0.1:port/</c>.</summary>
    public static Uri Root(LoopbackServer server) => new(server.BaseAddress, "/");

    /// <summary>A page of one avatar, id 7, whose links are on <paramref name="cdn"/>.</summary>
    public static string AvatarPage(Uri cdn) =>
        $$"""[{"id": 7, "is_primary": true, "url": "{{cdn}}avatars/7/original.png", "thumbnail_url": "{{cdn}}avatars/7/thumbnail.png", "degod_avatar_id": null}]""";

    /// <summary>An agent whose primary avatar is on <paramref name="cdn"/>.</summary>
    public static string Agent(Uri cdn) =>
        $$"""{"id": 42, "name": "TrendBot", "primary_avatar_id": 7, "primary_avatar_url": "{{cdn}}avatars/7/thumbnail.png", "role": "owner"}""";

    public static Avatar Avatar(Uri cdn) => new()
    {
        Id = 7,
        IsPrimary = true,
        Url = new Uri(cdn, "avatars/7/original.png"),
        ThumbnailUrl = new Uri(cdn, "avatars/7/thumbnail.png"),
    };

    /// <summary>Writes a response head, then the first <paramref name="sent"/> bytes of a PNG body announced as <paramref name="announced"/> bytes.</summary>
    public static Task StartBodyAsync(Stream stream, long announced, int sent = 64)
    {
        var head = Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: {announced}\r\n\r\n");
        var body = new byte[sent];
        Png.AsSpan(0, Math.Min(Png.Length, sent)).CopyTo(body);
        return stream.WriteAsync(head.Concat(body).ToArray()).AsTask();
    }
}
