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
    public async Task A_degod_avatar_is_a_labelled_svg_and_a_seeded_one_a_real_png(Mode mode)
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

        using var svg = await ImageClient(h).GetAsync(new Uri(h.ImageRoot, $"avatars/{deGod.Id}/original.webp"));
        svg.Content.Headers.ContentType!.MediaType.Should().Be("image/svg+xml");
        var text = Encoding.UTF8.GetString(await svg.Content.ReadAsByteArrayAsync());
        text.Should().StartWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").And.Contain(">DeGod #7</text>").And.EndWith("</svg>");
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

    /// <summary>A browser's view: no key, absolute links; through the in-process handler in handler mode.</summary>
    private static HttpClient ImageClient(Harness h) => h.Client(apiKey: null);
}
