using System.Text;
using GenPro.Sdk.Tests.Infrastructure;

namespace GenPro.Sdk.Tests.Agents;

/// <summary>The exact requests the agent endpoints put on the wire, and what they return from the reference's examples.</summary>
public sealed class AgentsRequestTests : IDisposable
{
    private readonly ApiServer _api = new();

    public void Dispose() => _api.Dispose();

    [Fact]
    public async Task List_sends_GET_agents_with_key_and_user_agent_and_reads_the_bare_array()
    {
        _api.Respond("GET", "/v1/agents", 200, Samples.AgentList);

        var agents = await _api.Client.Agents.ListAsync();

        var request = _api.SingleRequest();
        request.Method.Should().Be("GET");
        request.Path.Should().Be("/v1/agents");
        request.RawQuery.Should().BeNullOrEmpty();
        request.Headers!["X-API-Key"].Should().Equal(ApiServer.ApiKey);
        request.Headers["User-Agent"].Single().Should().MatchRegex(@"^GenPro\.Sdk/1\.0\.0-preview\.1 \(\.NET [0-9.]+[^;]*; [^)]+\)$");
        request.BodyAsBytes.Should().BeNullOrEmpty();

        var agent = agents.Should().ContainSingle().Subject;
        agent.Id.Should().Be(42);
        agent.Name.Should().Be("TrendBot");
        agent.Description.Should().Be("Trend analysis agent");
        agent.PrimaryAvatarUrl.Should().Be(new Uri("https://cdn.gen.pro/avatars/42/thumbnail.webp"));
        agent.Role.Should().Be(AgentRole.Owner);
        agent.Organization.Should().Be("My Company");
        agent.TimeZone.Should().Be("America/New_York");
        agent.TiktokIntegration.Should().BeFalse();
        agent.TiktokSocialAccount.Should().BeFalse();
        agent.DeGods.Should().BeFalse();
        agent.SharedUsers.Should().BeEmpty();
        agent.DefaultUserVoice.Should().BeNull();
        agent.AdditionalProperties.Should().BeNullOrEmpty();
    }

    [Fact]
    public async Task List_filters_by_workspace_in_the_query()
    {
        _api.Respond("GET", "/v1/agents", 200, "[]");

        var agents = await _api.Client.Agents.ListAsync(workspaceId: 10);

        agents.Should().BeEmpty();
        _api.SingleRequest().RawQuery.Should().Be("?workspace_id=10");
    }

    [Fact]
    public async Task Application_id_leads_the_user_agent()
    {
        _api.Respond("GET", "/v1/agents", 200, "[]");
        var options = _api.Options();
        options.ApplicationId = "TrendDashboard/2.1";
        using var client = new GenProClient(options);

        await client.Agents.ListAsync();

        _api.SingleRequest().Headers!["User-Agent"].Single().Should().StartWith("TrendDashboard/2.1 GenPro.Sdk/1.0.0-preview.1 (.NET ");
    }

    [Fact]
    public async Task Create_posts_the_documented_json_and_unwraps_the_agent()
    {
        _api.Respond("POST", "/v1/agents", 201, Samples.CreatedAgent);

        var agent = await _api.Client.Agents.CreateAsync(new CreateAgentRequest
        {
            Name = "ProductReviewer",
            Description = "Reviews trending products",
            TimeZone = "America/Los_Angeles",
            OrganizationId = 10,
        });

        var request = _api.SingleRequest();
        request.Method.Should().Be("POST");
        request.Path.Should().Be("/v1/agents");
        request.Headers!["Content-Type"].Single().Should().Be("application/json; charset=utf-8");
        Encoding.UTF8.GetString(request.BodyAsBytes!).Should().Be(
            """{"organization_id":10,"agent":{"name":"ProductReviewer","description":"Reviews trending products","time_zone":"America/Los_Angeles"}}""");
        request.Headers["Content-Length"].Single().Should().Be(request.BodyAsBytes!.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));

        agent.Id.Should().Be(43);
        agent.Name.Should().Be("ProductReviewer");
        agent.OrganizationId.Should().Be(10);
        agent.TimeZone.Should().Be("America/Los_Angeles");
        agent.PrimaryAvatarId.Should().BeNull();
        agent.PrimaryAvatarUrl.Should().BeNull();
        agent.Role.Should().Be(AgentRole.Owner);
        agent.DefaultUserVoice.Should().BeNull();
    }

    [Fact]
    public async Task Create_sends_provider_keys_and_degod_avatars_without_organization_when_personal()
    {
        _api.Respond("POST", "/v1/agents", 200, Samples.CreatedAgent);

        await _api.Client.Agents.CreateAsync(new CreateAgentRequest
        {
            Name = "Solo",
            ElevenLabsApiKey = "el_secret",
            HumeAiApiKey = "hume_secret",
            Avatars = { AvatarUpload.FromDeGod(7), AvatarUpload.FromDeGod(8) },
        });

        Encoding.UTF8.GetString(_api.SingleRequest().BodyAsBytes!).Should().Be(
            """{"agent":{"name":"Solo","eleven_lab_api_key":"el_secret","hume_ai_api_key":"hume_secret","agent_avatars_attributes":[{"degod_avatar_id":7},{"degod_avatar_id":8}]}}""");
    }

    [Fact]
    public async Task Get_reads_the_bare_agent_with_the_provider_shaped_voice()
    {
        _api.Respond("GET", "/v1/agents/42", 200, Samples.Agent);

        var agent = await _api.Client.Agents.GetAsync(42);

        var request = _api.SingleRequest();
        request.Path.Should().Be("/v1/agents/42");
        request.RawQuery.Should().BeNullOrEmpty();
        agent.Id.Should().Be(42);
        agent.OrganizationId.Should().Be(10);
        agent.PrimaryAvatarId.Should().Be(101);
        agent.AgentSetupProjectId.Should().Be(500);
        agent.DefaultUserVoice.Should().BeEquivalentTo(new AgentVoice
        {
            VoiceId = "voice_abc123",
            Source = VoiceSource.ElevenLabs,
            Name = "Sarah",
            Gender = "female",
            Language = "English",
            PreviewUrl = new Uri("https://api.elevenlabs.io/v1/previews/voice_abc123.mp3"),
        });
    }

    [Fact]
    public async Task Get_can_ask_for_the_organization_uuid_and_keeps_it_in_additional_properties()
    {
        _api.Respond("GET", "/v1/agents/42", 200, """{"id": 42, "name": "TrendBot", "organization_uuid": "8f0c1a9e-0000-4000-8000-000000000001"}""");

        var agent = await _api.Client.Agents.GetAsync(42, includeOrganizationUuid: true);

        _api.SingleRequest().RawQuery.Should().Be("?with_organization_uuid=true");
        agent.AdditionalProperties!["organization_uuid"].GetString().Should().Be("8f0c1a9e-0000-4000-8000-000000000001");
    }

    [Fact]
    public async Task Update_patches_only_the_fields_set_and_reads_the_source_shaped_voice()
    {
        _api.Respond("PATCH", "/v1/agents/42", 200, Samples.UpdatedAgent);

        var agent = await _api.Client.Agents.UpdateAsync(42, new UpdateAgentRequest
        {
            Name = "TrendBot v2",
            DefaultVoice = DefaultVoiceSelection.ElevenLabs("voice_abc123"),
        });

        var request = _api.SingleRequest();
        request.Method.Should().Be("PATCH");
        request.Path.Should().Be("/v1/agents/42");
        request.Headers!["Content-Type"].Single().Should().Be("application/json; charset=utf-8");
        Encoding.UTF8.GetString(request.BodyAsBytes!).Should().Be(
            """{"agent":{"name":"TrendBot v2","default_user_voice_attributes":{"source":"eleven_labs","voice_id":"voice_abc123"}}}""");
        agent.Name.Should().Be("TrendBot v2");
        agent.DefaultUserVoice!.VoiceId.Should().Be("voice_abc123");
        agent.DefaultUserVoice.Source.Should().Be(VoiceSource.ElevenLabs);
        agent.DefaultUserVoice.Name.Should().BeNull();
    }

    [Fact]
    public async Task Update_marks_a_degod_avatar_primary_and_clears_with_empty_strings()
    {
        _api.Respond("PATCH", "/v1/agents/42", 200, Samples.UpdatedAgent);

        await _api.Client.Agents.UpdateAsync(42, new UpdateAgentRequest
        {
            Description = "",
            Avatars = { AvatarUpload.FromDeGod(7), AvatarUpload.FromDeGod(9).AsPrimary() },
        });

        Encoding.UTF8.GetString(_api.SingleRequest().BodyAsBytes!).Should().Be(
            """{"agent":{"description":"","agent_avatars_attributes":[{"degod_avatar_id":7},{"degod_avatar_id":9,"is_primary":true}]}}""");
    }

    [Theory]
    [InlineData("user_voice_resource", "17")]
    [InlineData("hume_ai", "hume_v1")]
    public async Task Update_sends_every_voice_source(string source, string voiceId)
    {
        _api.Respond("PATCH", "/v1/agents/42", 200, Samples.UpdatedAgent);
        var voice = source == "hume_ai" ? DefaultVoiceSelection.HumeAi(voiceId) : DefaultVoiceSelection.UserVoiceResource(17);

        await _api.Client.Agents.UpdateAsync(42, new UpdateAgentRequest { DefaultVoice = voice });

        Encoding.UTF8.GetString(_api.SingleRequest().BodyAsBytes!).Should().Be(
            "{\"agent\":{\"default_user_voice_attributes\":{\"source\":\"" + source + "\",\"voice_id\":\"" + voiceId + "\"}}}");
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public async Task Delete_accepts_an_empty_200(string? body)
    {
        _api.Respond("DELETE", "/v1/agents/42", 200, body);

        await _api.Client.Agents.DeleteAsync(42);

        var request = _api.SingleRequest();
        request.Method.Should().Be("DELETE");
        request.Path.Should().Be("/v1/agents/42");
        request.Headers!["X-API-Key"].Should().Equal(ApiServer.ApiKey);
    }
}
