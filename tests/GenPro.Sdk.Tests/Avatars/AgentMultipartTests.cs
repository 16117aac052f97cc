using System.Text;
using GenPro.Sdk.Tests.Infrastructure;

namespace GenPro.Sdk.Tests.Avatars;

/// <summary>
/// Agent create and update carrying a file: multipart with Rails names, each avatar under its own index, parsed by
/// real Rack (and the Testing package's parser, which must agree).
/// </summary>
public sealed class AgentMultipartTests : IDisposable
{
    private readonly LoopbackServer _server = LoopbackServer.Recording(json: Samples.CreatedAgent);
    private readonly Images.TempDir _dir = new();
    private readonly GenProClient _client;

    public AgentMultipartTests() => _client = _server.CreateClient();

    public void Dispose()
    {
        _client.Dispose();
        _server.Dispose();
        _dir.Dispose();
    }

    public static TheoryData<string, bool> Layouts => new()
    {
        { "one file", true }, { "a file and a DeGod id", true }, { "three files, the second primary", true },
        { "one file", false }, { "a file and a DeGod id", false }, { "three files, the second primary", false },
    };

    [Theory]
    [MemberData(nameof(Layouts))]
    public async Task Each_avatar_arrives_as_its_own_object_with_is_primary_only_when_marked(string layout, bool create)
    {
        AvatarUpload[] avatars = layout switch
        {
            "one file" => [AvatarUpload.FromBytes(Images.Png, "a.png")],
            "a file and a DeGod id" => [AvatarUpload.FromFile(_dir.Write("a.jpg", Images.Jpeg)), AvatarUpload.FromDeGod(7)],
            _ => [AvatarUpload.FromBytes(Images.Png, "a.png"), AvatarUpload.FromBytes(Images.WebP, "b.webp").AsPrimary(), AvatarUpload.FromStream(new MemoryStream(Images.Jpeg), "c.jpg")],
        };
        var expected = layout switch
        {
            "one file" => """{"0":{"file":"file:a.png:image/png:Png"}}""",
            "a file and a DeGod id" => """{"0":{"file":"file:a.jpg:image/jpeg:Jpeg"},"1":{"degod_avatar_id":"7"}}""",
            _ => """{"0":{"file":"file:a.png:image/png:Png"},"1":{"file":"file:b.webp:image/webp:WebP","is_primary":"true"},"2":{"file":"file:c.jpg:image/jpeg:Jpeg"}}""",
        };

        if (create)
        {
            var request = new CreateAgentRequest { Name = "A" };
            avatars.ToList().ForEach(request.Avatars.Add);
            await _client.Agents.CreateAsync(request);
        }
        else
        {
            _server.ResponseJson = Samples.UpdatedAgent;
            var request = new UpdateAgentRequest();
            avatars.ToList().ForEach(request.Avatars.Add);
            await _client.Agents.UpdateAsync(42, request);
        }

        var sent = _server.Requests.Single();
        sent.Target.Should().Be(create ? "/v1/agents" : "/v1/agents/42");
        sent.ContentType.Should().StartWith("multipart/form-data;");
        var name = create ? "\"name\":\"A\"," : "";
        (await RealRack.ParamsJsonAsync(sent)).Should().Be("{\"agent\":{" + name + "\"agent_avatars_attributes\":" + expected + "}}");
    }

    [Fact]
    public async Task Create_with_every_field_keeps_each_avatar_and_its_primary_flag_apart()
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
        (await RealRack.ParamsJsonAsync(request)).Should().Be(
            """
            {"organization_id":"10","agent":{"name":"ProductReviewer","description":"Reviews trending products","time_zone":"America/Los_Angeles","eleven_lab_api_key":"el_secret","hume_ai_api_key":"hume_secret","agent_avatars_attributes":{"0":{"file":"file:face.png:image/png:Png"},"1":{"degod_avatar_id":"7","is_primary":"true"},"2":{"file":"file:side.jpg:image/jpeg:Jpeg"},"3":{"degod_avatar_id":"8"}}}}
            """);
        WireParts.Parts(request.ContentType, request.Body!).Select(p => p.Name).Should().Equal(
            "organization_id", "agent[name]", "agent[description]", "agent[time_zone]", "agent[eleven_lab_api_key]", "agent[hume_ai_api_key]",
            "agent[agent_avatars_attributes][0][file]", "agent[agent_avatars_attributes][1][degod_avatar_id]", "agent[agent_avatars_attributes][1][is_primary]",
            "agent[agent_avatars_attributes][2][file]", "agent[agent_avatars_attributes][3][degod_avatar_id]");
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
        (await RealRack.ParamsJsonAsync(request)).Should().Be(
            """
            {"agent":{"name":"TrendBot v2","description":"","agent_avatars_attributes":{"0":{"degod_avatar_id":"5"},"1":{"file":"file:new.webp:image/webp:WebP","is_primary":"true"}},"default_user_voice_attributes":{"source":"eleven_labs","voice_id":"voice_abc123"}}}
            """);
    }

    [Fact]
    public async Task Without_a_file_create_stays_json()
    {
        await _client.Agents.CreateAsync(new CreateAgentRequest { Name = "A", Avatars = { AvatarUpload.FromDeGod(7).AsPrimary(), AvatarUpload.FromDeGod(8) } });

        var request = _server.Requests.Single();
        request.ContentType.Should().Be("application/json; charset=utf-8");
        Encoding.UTF8.GetString(request.Body!).Should().Be("""{"agent":{"name":"A","agent_avatars_attributes":[{"degod_avatar_id":7,"is_primary":true},{"degod_avatar_id":8}]}}""");
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
