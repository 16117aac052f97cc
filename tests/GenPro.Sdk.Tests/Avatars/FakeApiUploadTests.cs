using GenPro.Sdk.Testing;
using GenPro.Sdk.Tests.Infrastructure;

namespace GenPro.Sdk.Tests.Avatars;

/// <summary>The SDK's multipart bodies against the fake API on a real socket: the fake reads the indexed layout as Rails would.</summary>
public sealed class FakeApiUploadTests
{
    private const string Key = "gen_pat_upload_test";

    [Fact]
    public async Task Create_and_update_with_three_files_make_the_marked_one_primary_and_keep_every_name()
    {
        var fake = new FakeGenProApi();
        fake.AddUser(Key);
        await using var server = await FakeGenProServer.StartAsync(fake);
        using var client = new GenProClient(new GenProClientOptions { ApiKey = Key, BaseAddress = server.BaseAddress });

        var agent = await client.Agents.CreateAsync(new CreateAgentRequest
        {
            Name = "Trio",
            Avatars =
            {
                AvatarUpload.FromBytes(Images.Png, "un été.png"),
                AvatarUpload.FromBytes(Images.WebP, "風景.webp").AsPrimary(),
                AvatarUpload.FromStream(new MemoryStream(Images.Jpeg), "say \"hi\"; ok.jpg"),
            },
        });
        fake.Avatars.Single(a => a.AgentId == agent.Id && a.IsPrimary).FileName.Should().Be("風景.webp");
        await client.Agents.UpdateAsync(agent.Id, new UpdateAgentRequest
        {
            Avatars = { AvatarUpload.FromDeGod(7), AvatarUpload.FromBytes(Images.Png, "😀.png").AsPrimary() },
        });

        var avatars = fake.Avatars.Where(a => a.AgentId == agent.Id).OrderBy(a => a.Id).ToList();
        avatars.Select(a => (a.FileName, a.DeGodAvatarId, a.ImageFormat)).Should().Equal(
            ("un été.png", null, "png"), ("風景.webp", null, "webp"), ("say \"hi\"; ok.jpg", null, "jpeg"), (null, 7L, null), ("😀.png", null, "png"));
        avatars.Single(a => a.IsPrimary).FileName.Should().Be("😀.png");
    }

    [Theory]
    [MemberData(nameof(NulNames))]
    public async Task A_file_name_holding_nul_never_leaves_an_agent_created_without_its_avatar(string path, string fileName)
    {
        var fake = new FakeGenProApi();
        fake.AddUser(Key);
        await using var server = await FakeGenProServer.StartAsync(fake);
        using var client = ClientPaths.Create(path, new GenProClientOptions { ApiKey = Key, BaseAddress = server.BaseAddress });

        var agent = await client.Agents.CreateAsync(new CreateAgentRequest { Name = "Nul", Avatars = { AvatarUpload.FromBytes(Images.Png, fileName) } });

        fake.Avatars.Where(a => a.AgentId == agent.Id).Select(a => a.FileName).Should().Equal([fileName], "the avatar asked for arrives, under the name given");
    }

    public static TheoryData<string, string> NulNames => ClientPaths.Cross("a\0b.png", "\0");
}
