using System.Text;
using GenPro.Sdk.Tests.Infrastructure;

namespace GenPro.Sdk.Tests.Avatars;

/// <summary>Agent create and update carrying a file: multipart with Rails names, parsed back as Rack would.</summary>
public sealed class AgentMultipartTests : IDisposable
{
    private readonly RawHttpServer _server = new() { ResponseJson = Samples.CreatedAgent };
    private readonly Images.TempDir _dir = new();
    private readonly GenProClient _client;

    public AgentMultipartTests() => _client = _server.CreateClient();

    public void Dispose()
    {
        _client.Dispose();
        _server.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public async Task Create_with_a_file_is_multipart_and_keeps_each_avatar_and_its_primary_flag_apart()
    {
        var agent = await _client.Agents.CreateAsync(new CreateAgentRequest
        {
            Name = "ProductReviewer",
            Description = "Reviews trending products",
            TimeZone = "America/Los_Angeles",
            OrganizationId = 10,
            ElevenLabsApiKey = "el_secret",
            HumeAiApiKey = "hume_secret",
            Avatars =
            {
                AvatarUpload.FromFile(_dir.Write("face.png", Images.Png)),
                AvatarUpload.FromDeGod(7).AsPrimary(),
                AvatarUpload.FromBytes(Images.Jpeg, "side.jpg"),
                AvatarUpload.FromDeGod(8),
            },
        });

        agent.Id.Should().Be(43);
        var request = _server.Requests.Single();
        request.Method.Should().Be("POST");
        request.Target.Should().Be("/v1/agents");
        request.ContentType.Should().StartWith("multipart/form-data;");
        RackMultipart.ParamsJson(request.ContentType, request.Body!).Should().Be(
            """
            {"organization_id":"10","agent":{"name":"ProductReviewer","description":"Reviews trending products","time_zone":"America/Los_Angeles","eleven_lab_api_key":"el_secret","hume_ai_api_key":"hume_secret","agent_avatars_attributes":[{"is_primary":"false","file":"file:face.png:image/png:19"},{"is_primary":"true","degod_avatar_id":"7"},{"is_primary":"false","file":"file:side.jpg:image/jpeg:14"},{"is_primary":"false","degod_avatar_id":"8"}]}}
            """);
        var parts = RackMultipart.Parts(request.ContentType, request.Body!);
        parts.Single(p => p.FileName == "face.png").Body.Should().Equal(Images.Png);
        parts.Single(p => p.FileName == "side.jpg").Body.Should().Equal(Images.Jpeg);
    }

    [Fact]
    public async Task Create_with_files_only_and_no_primary_sends_just_the_file_keys()
    {
        await _client.Agents.CreateAsync(new CreateAgentRequest
        {
            Name = "Solo",
            Avatars = { AvatarUpload.FromBytes(Images.Png, "a.png"), AvatarUpload.FromBytes(Images.WebP, "b.webp") },
        });

        var request = _server.Requests.Single();
        RackMultipart.ParamsJson(request.ContentType, request.Body!).Should().Be(
            """{"agent":{"name":"Solo","agent_avatars_attributes":[{"file":"file:a.png:image/png:19"},{"file":"file:b.webp:image/webp:19"}]}}""");
        RackMultipart.Parts(request.ContentType, request.Body!).Select(p => p.Name).Should().Equal(
            "agent[name]", "agent[agent_avatars_attributes][][file]", "agent[agent_avatars_attributes][][file]");
    }

    [Fact]
    public async Task Update_with_a_primary_file_and_a_voice_is_multipart_with_every_field_in_place()
    {
        _server.ResponseJson = Samples.UpdatedAgent;

        var agent = await _client.Agents.UpdateAsync(42, new UpdateAgentRequest
        {
            Name = "TrendBot v2",
            Description = "",
            DefaultVoice = DefaultVoiceSelection.ElevenLabs("voice_abc123"),
            Avatars = { AvatarUpload.FromDeGod(5), AvatarUpload.FromStream(new Images.NonSeekableStream(Images.WebP), "new.webp").AsPrimary() },
        });

        agent.Name.Should().Be("TrendBot v2");
        var request = _server.Requests.Single();
        request.Method.Should().Be("PATCH");
        request.Target.Should().Be("/v1/agents/42");
        RackMultipart.ParamsJson(request.ContentType, request.Body!).Should().Be(
            """
            {"agent":{"name":"TrendBot v2","description":"","agent_avatars_attributes":[{"is_primary":"false","degod_avatar_id":"5"},{"is_primary":"true","file":"file:new.webp:image/webp:19"}],"default_user_voice_attributes":{"source":"eleven_labs","voice_id":"voice_abc123"}}}
            """);
        RackMultipart.Parts(request.ContentType, request.Body!).Single(p => p.FileName is not null).Body.Should().Equal(Images.WebP);
    }

    [Fact]
    public async Task Without_a_file_create_stays_json()
    {
        await _client.Agents.CreateAsync(new CreateAgentRequest { Name = "A", Avatars = { AvatarUpload.FromDeGod(7).AsPrimary() } });

        var request = _server.Requests.Single();
        request.ContentType.Should().Be("application/json; charset=utf-8");
        Encoding.UTF8.GetString(request.Body!).Should().Be("""{"agent":{"name":"A","agent_avatars_attributes":[{"degod_avatar_id":7,"is_primary":true}]}}""");
    }

    [Fact]
    public async Task A_bad_file_in_a_create_is_refused_before_sending()
    {
        var act = () => _client.Agents.CreateAsync(new CreateAgentRequest
        {
            Name = "A",
            Avatars = { AvatarUpload.FromStream(new MemoryStream(Images.Gif), "g.gif") },
        });

        await act.Should().ThrowAsync<ArgumentException>().WithMessage("*'g.gif' is not a JPEG*");
        _server.Requests.Should().BeEmpty();
    }
}
