using System.Net;
using System.Text;
using GenPro.Sdk.Testing.Tests.Infrastructure;

namespace GenPro.Sdk.Testing.Tests;

/// <summary>The fake serves every avatar's picture at the links it returns, so a gallery shows real images offline.</summary>
public sealed class AvatarImageTests
{
    [Theory]
    [MemberData(nameof(Modes.Both), MemberType = typeof(Modes))]
    public async Task An_uploaded_image_is_served_byte_for_byte_at_its_url_and_thumbnail_url(Mode mode)
    {
        await using var h = await Harness.StartAsync(mode);
        var agent = h.Fake.AddAgent(h.AliceUser, "A");
        using var form = new MultipartFormDataContent { { Images.File(Images.Jpeg, "image/jpeg"), "agent_avatars_attributes[][file]", "face.jpg" } };
        (await h.SendAsync(HttpMethod.Post, $"agents/{agent.Id}/avatars", form)).Status.Should().Be(HttpStatusCode.OK);

        var avatar = JsonAssert.Parse((await h.GetAsync($"agents/{agent.Id}/avatars")).Body).AsArray().Single()!;
        var url = new Uri(avatar["url"]!.GetValue<string>());
        var thumbnail = new Uri(avatar["thumbnail_url"]!.GetValue<string>());

        url.Should().Be(new Uri(h.ImageRoot, $"avatars/{avatar["id"]}/original.jpeg"));
        thumbnail.Should().Be(new Uri(h.ImageRoot, $"avatars/{avatar["id"]}/thumbnail.webp"));
        foreach (var link in new[] { url, thumbnail })
        {
            using var response = await ImageClient(h).GetAsync(link);
            response.StatusCode.Should().Be(HttpStatusCode.OK, link.ToString());
            response.Content.Headers.ContentType!.MediaType.Should().Be("image/jpeg", "the stored bytes keep their own type whatever the link's file name");
            (await response.Content.ReadAsByteArrayAsync()).Should().Equal(Images.Jpeg);
        }
    }

    [Theory]
    [MemberData(nameof(Modes.Both), MemberType = typeof(Modes))]
    public async Task A_degod_avatar_and_a_seeded_one_are_real_pngs(Mode mode)
    {
        await using var h = await Harness.StartAsync(mode);
        var agent = h.Fake.AddAgent(h.AliceUser, "A");
        var seeded = h.Fake.AddAvatar(agent.Id);
        var deGod = h.Fake.AddAvatar(agent.Id, deGodAvatarId: 7);

        var (status, body, _) = await h.GetAsync($"agents/{agent.Id}");
        status.Should().Be(HttpStatusCode.OK);
        var primaryUrl = new Uri(JsonAssert.Parse(body)["primary_avatar_url"]!.GetValue<string>());
        primaryUrl.Should().Be(new Uri(h.ImageRoot, $"avatars/{seeded.Id}/thumbnail.webp"));

        using var png = await ImageClient(h).GetAsync(primaryUrl);
        png.Content.Headers.ContentType!.MediaType.Should().Be("image/png");
        (await png.Content.ReadAsByteArrayAsync()).Should().StartWith(Images.Png[..8]).And.HaveCount(79);

        using var deGodPicture = await ImageClient(h).GetAsync(new Uri(h.ImageRoot, $"avatars/{deGod.Id}/original.webp"));
        deGodPicture.Content.Headers.ContentType!.MediaType.Should().Be("image/png");
        var bytes = await deGodPicture.Content.ReadAsByteArrayAsync();
        PngPixels(bytes).Should().HaveCount(64 * ((64 * 3) + 1), "a 64×64 RGB picture, every chunk's CRC right");
        var other = h.Fake.AddAvatar(agent.Id, deGodAvatarId: 8);
        using var otherPicture = await ImageClient(h).GetAsync(new Uri(h.ImageRoot, $"avatars/{other.Id}/original.webp"));
        PngPixels(await otherPicture.Content.ReadAsByteArrayAsync()).Should().NotEqual(PngPixels(bytes), "each DeGod has a colour of its own");
    }

    [Theory]
    [MemberData(nameof(Modes.Both), MemberType = typeof(Modes))]
    public async Task Images_need_no_key_are_not_recorded_take_no_fault_and_a_deleted_one_is_404(Mode mode)
    {
        await using var h = await Harness.StartAsync(mode);
        var agent = h.Fake.AddAgent(h.AliceUser, "A");
        var kept = h.Fake.AddAvatar(agent.Id);
        var deleted = h.Fake.AddAvatar(agent.Id);
        (await h.DeleteAsync($"agents/{agent.Id}/avatars/{deleted.Id}")).Status.Should().Be(HttpStatusCode.OK);
        h.Fake.ClearReceivedRequests();
        h.Fake.Faults.Add(FakeFault.Status(HttpStatusCode.ServiceUnavailable));

        using var served = await ImageClient(h).GetAsync(new Uri(h.ImageRoot, $"avatars/{kept.Id}/original.png"));
        using var gone = await ImageClient(h).GetAsync(new Uri(h.ImageRoot, $"avatars/{deleted.Id}/original.png"));
        using var unknown = await ImageClient(h).GetAsync(new Uri(h.ImageRoot, "avatars/abc/original.png"));

        served.StatusCode.Should().Be(HttpStatusCode.OK);
        gone.StatusCode.Should().Be(HttpStatusCode.NotFound);
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
        h.Fake.ReceivedRequests.Should().BeEmpty("image downloads are a CDN's business, not API requests");
        (await h.GetAsync("agents")).Status.Should().Be(HttpStatusCode.ServiceUnavailable, "the queued fault is still there for the next API call");
    }

    /// <summary>Checks a PNG's signature, header and every chunk's CRC, and returns its inflated scanlines.</summary>
    private static byte[] PngPixels(byte[] png)
    {
        png.AsSpan(0, 8).ToArray().Should().Equal(Images.Png[..8]);
        using var idat = new MemoryStream();
        var types = new List<string>();
        for (var at = 8; at < png.Length;)
        {
            var length = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            var typeAndData = png.AsSpan(at + 4, 4 + length);
            var crc = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at + 8 + length));
            Crc32(typeAndData).Should().Be(crc);
            var type = Encoding.ASCII.GetString(typeAndData[..4]);
            types.Add(type);
            if (type == "IHDR")
            {
                System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(typeAndData[4..]).Should().Be(64);
            }
            else if (type == "IDAT")
            {
                idat.Write(typeAndData[4..]);
            }

            at += 12 + length;
        }

        types.Should().Equal("IHDR", "IDAT", "IEND");
        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new System.IO.Compression.ZLibStream(idat, System.IO.Compression.CompressionMode.Decompress))
        {
            zlib.CopyTo(inflated);
        }

        return inflated.ToArray();
    }

    /// <summary>PNG's CRC-32 (ISO 3309), bit by bit: slow and obviously right.</summary>
    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return crc ^ 0xFFFFFFFFu;
    }

    /// <summary>A browser's view: no key, absolute links; through the in-process handler in handler mode.</summary>
    private static HttpClient ImageClient(Harness h) => h.Client(apiKey: null);
}
