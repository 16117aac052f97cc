using System.Net;
using GenPro.Sdk.Tests.Infrastructure;

namespace GenPro.Sdk.Tests.Avatars.Pictures;

/// <summary>
/// Issue 25: a picture is read from the CDN without the API key or any other secret of the SDK's, on both construction
/// paths: two real listeners, the API (which must see the key, so there was a key to leak) and the CDN.
/// </summary>
public sealed class ImageKeyIsolationTests
{
    private static readonly TimeSpan HardBound = TimeSpan.FromSeconds(60);

    [Theory]
    [MemberData(nameof(ClientPaths.Both), MemberType = typeof(ClientPaths))]
    public async Task The_cdn_never_sees_the_api_key_for_an_avatar_or_an_agents_primary_avatar(string path)
    {
        using var cdn = ImageServers.Cdn(ImageServers.Png);
        using var api = LoopbackServer.Recording(200, ImageServers.AvatarPage(ImageServers.Root(cdn)));
        using var client = ClientPaths.Create(path, ApiServer.FastOptions(api.BaseAddress));

        var avatar = await client.Avatars.ListAsync(42).SingleAsync().AsTask().WaitAsync(HardBound);
        await using (var thumbnail = await client.Avatars.OpenReadAsync(avatar, AvatarImageSize.Thumbnail).WaitAsync(HardBound))
        {
            (await ReadAll(thumbnail)).Should().Equal(ImageServers.Png);
        }

        await using (var original = await client.Avatars.OpenReadAsync(avatar, AvatarImageSize.Original).WaitAsync(HardBound))
        {
            (await ReadAll(original)).Should().Equal(ImageServers.Png);
        }

        api.ResponseJson = ImageServers.Agent(ImageServers.Root(cdn));
        var agent = await client.Agents.GetAsync(42).WaitAsync(HardBound);
        await using (var primary = await client.Avatars.OpenReadAsync(agent.PrimaryAvatarUrl!).WaitAsync(HardBound))
        {
            (await ReadAll(primary)).Should().Equal(ImageServers.Png);
        }

        api.Requests.Should().HaveCount(2).And.OnlyContain(r => r.Headers["x-api-key"] == ApiServer.ApiKey, "the API gets the key, so there was one to leak");
        cdn.Requests.Select(r => r.Target).Should().Equal("/avatars/7/thumbnail.png", "/avatars/7/original.png", "/avatars/7/thumbnail.png");
        foreach (var request in cdn.Requests)
        {
            request.Method.Should().Be("GET");
            request.Headers.Should().NotContainKey("x-api-key");
            request.Head.Should().NotContain(ApiServer.ApiKey).And.NotContain("gen_pat");
            request.Headers["user-agent"].Should().StartWith("GenPro.Sdk/");
            request.Headers.Should().ContainKey("x-request-id");
            request.Headers.Keys.Should().BeSubsetOf(["host", "user-agent", "x-request-id", "accept-encoding", "traceparent", "tracestate"], "nothing else of the SDK's travels to the CDN");
        }
    }

    [Theory]
    [MemberData(nameof(ClientPaths.Both), MemberType = typeof(ClientPaths))]
    public async Task A_picture_on_the_apis_own_origin_or_a_cdn_redirect_back_to_it_carries_no_key_either(string path)
    {
        // The "API" here serves pictures too: a link (or a redirect) to the configured origin is still only a picture.
        using var api = ImageServers.Cdn(ImageServers.Png);
        using var redirecting = LoopbackServer.Scripted((_, stream) => stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(
            $"HTTP/1.1 302 Found\r\nLocation: {ImageServers.Root(api)}avatars/7/moved.png\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")).AsTask());
        using var client = ClientPaths.Create(path, ApiServer.FastOptions(api.BaseAddress));

        await using (var direct = await client.Avatars.OpenReadAsync(new Uri(ImageServers.Root(api), "avatars/7/thumbnail.png")).WaitAsync(HardBound))
        {
            direct.ContentType.Should().Be("image/png");
        }

        await using (var redirected = await client.Avatars.OpenReadAsync(new Uri(ImageServers.Root(redirecting), "avatars/7/thumbnail.png")).WaitAsync(HardBound))
        {
            (await ReadAll(redirected)).Should().Equal(ImageServers.Png);
        }

        await using (var relative = await client.Avatars.OpenReadAsync(new Uri("/avatars/7/relative.png", UriKind.Relative)).WaitAsync(HardBound))
        {
            relative.Url.Should().Be(new Uri(ImageServers.Root(api), "avatars/7/relative.png"), "a relative link resolves against the API's origin");
        }

        api.Requests.Select(r => r.Target).Should().Equal("/avatars/7/thumbnail.png", "/avatars/7/moved.png", "/avatars/7/relative.png");
        api.Requests.Should().OnlyContain(r => !r.Headers.ContainsKey("x-api-key") && !r.Head.Contains(ApiServer.ApiKey, StringComparison.Ordinal));
        redirecting.Requests.Should().ContainSingle().Which.Headers.Should().NotContainKey("x-api-key");
    }

    internal static async Task<byte[]> ReadAll(AvatarImage image)
    {
        using var copy = new MemoryStream();
        (await image.CopyToAsync(copy).WaitAsync(HardBound)).Should().Be(copy.Length);
        return copy.ToArray();
    }
}
