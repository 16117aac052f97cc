using GenPro.Sdk.Testing;
using GenPro.Sdk.Tests.Infrastructure;

namespace GenPro.Sdk.Tests.Avatars.Pictures;

/// <summary>
/// Issue 25: the fake API serves a real picture at every link it returns, so image reads are testable offline: through
/// its in-process handler (links on <c>https://cdn.gen.pro</c>, served by the same handler) and on its loopback server.
/// </summary>
public sealed class FakeImageTests
{
    private const string Key = "gen_pat_fake_images";
    private static readonly TimeSpan HardBound = TimeSpan.FromSeconds(60);

    public static TheoryData<string, bool> Hosting() => ClientPaths.Cross(false, true);

    [Theory]
    [MemberData(nameof(Hosting))]
    public async Task Every_avatar_and_primary_avatar_link_of_the_fake_opens_as_a_real_picture(string path, bool onSocket)
    {
        var fake = new FakeGenProApi();
        var user = fake.AddUser(Key);
        var agent = fake.AddAgent(user, "Scout");
        fake.AddAvatar(agent.Id, deGodAvatarId: 42);
        await using var server = onSocket ? await FakeGenProServer.StartAsync(fake) : null;
        using var handler = onSocket ? null : fake.CreateHandler();
        var options = new GenProClientOptions { ApiKey = Key, BaseAddress = server?.BaseAddress ?? FakeGenProApi.DefaultBaseAddress };
        using var client = ClientPaths.Create(path, options, handler: handler);
        await client.Avatars.UploadAsync(agent.Id, AvatarUpload.FromBytes(ImageServers.Png, "face.png"), AvatarUpload.FromBytes(Images.Jpeg, "face.jpg"));

        var avatars = await client.Avatars.ListAsync(agent.Id).ToListAsync().AsTask().WaitAsync(HardBound);
        var summary = (await client.Agents.ListAsync().WaitAsync(HardBound)).Single();

        avatars.Should().HaveCount(3);
        var expected = new[] { "image/png", "image/png", "image/jpeg" };
        foreach (var (avatar, type) in avatars.Zip(expected))
        {
            foreach (var size in new[] { AvatarImageSize.Original, AvatarImageSize.Thumbnail })
            {
                await using var image = await client.Avatars.OpenReadAsync(avatar, size).WaitAsync(HardBound);
                image.ContentType.Should().Be(type, $"avatar #{avatar.Id} ({size})");
                (await ImageKeyIsolationTests.ReadAll(image)).Length.Should().Be((int)image.Length!.Value);
            }
        }

        await using var primary = await client.Avatars.OpenReadAsync(summary.PrimaryAvatarUrl!).WaitAsync(HardBound);
        primary.ContentType.Should().Be("image/png", "the DeGod avatar is a generated PNG");
        primary.Url.Host.Should().Be(onSocket ? "127.0.0.1" : "cdn.gen.pro");
    }
}
