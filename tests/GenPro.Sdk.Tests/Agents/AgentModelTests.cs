using GenPro.Sdk.Tests.Infrastructure;

namespace GenPro.Sdk.Tests.Agents;

/// <summary>What the models make of the many shapes the API's sources allow.</summary>
public sealed class AgentModelTests : IDisposable
{
    private readonly ApiServer _api = new();

    public void Dispose() => _api.Dispose();

    [Fact]
    public async Task Ids_read_from_numeric_strings_as_the_openapi_document_types_them()
    {
        _api.Respond("GET", "/v1/agents/42", 200, """{"id": "42", "name": "TrendBot", "organization_id": "10", "primary_avatar_id": "101", "agent_setup_project_id": "500"}""");

        var agent = await _api.Client.Agents.GetAsync(42);

        agent.Id.Should().Be(42);
        agent.OrganizationId.Should().Be(10);
        agent.PrimaryAvatarId.Should().Be(101);
        agent.AgentSetupProjectId.Should().Be(500);
    }

    [Fact]
    public async Task The_slim_list_item_shape_reads_with_workspace_id()
    {
        _api.Respond("GET", "/v1/agents", 200, """[{"id": "7", "name": "Slim", "workspace_id": "3"}]""");

        var agent = (await _api.Client.Agents.ListAsync()).Single();

        agent.Should().BeEquivalentTo(new { Id = 7L, Name = "Slim", WorkspaceId = (long?)3, Description = (string?)null, Role = (AgentRole?)null });
    }

    [Fact]
    public async Task Unknown_fields_are_kept_and_missing_optional_fields_are_null()
    {
        _api.Respond("GET", "/v1/agents/42", 200, """{"id": 42, "name": "TrendBot", "future_flag": true, "nested": {"a": [1, 2]}}""");

        var agent = await _api.Client.Agents.GetAsync(42);

        agent.AdditionalProperties.Keys.Should().BeEquivalentTo("future_flag", "nested");
        agent.AdditionalProperties["future_flag"].GetBoolean().Should().BeTrue();
        agent.AdditionalProperties["nested"].GetProperty("a").GetArrayLength().Should().Be(2);
        agent.Description.Should().BeNull();
        agent.OrganizationId.Should().BeNull();
        agent.Role.Should().BeNull();
        agent.DefaultUserVoice.Should().BeNull();
    }

    [Fact]
    public async Task Unknown_roles_and_voice_sources_pass_through_as_strings()
    {
        _api.Respond("GET", "/v1/agents/42", 200,
            """{"id": 42, "name": "T", "role": "auditor", "default_user_voice": {"voice_id": 9, "source": "future_tts", "accent": "scottish"}}""");

        var agent = await _api.Client.Agents.GetAsync(42);

        agent.Role.Should().Be(new AgentRole("auditor"));
        agent.Role.Should().NotBe(AgentRole.Owner);
        agent.Role!.Value.ToString().Should().Be("auditor");
        agent.DefaultUserVoice!.Source.Should().Be(new VoiceSource("future_tts"));
        agent.DefaultUserVoice.VoiceId.Should().Be("9");
        agent.DefaultUserVoice.AdditionalProperties["accent"].GetString().Should().Be("scottish");
    }

    [Fact]
    public void Known_values_compare_case_insensitively()
    {
        new AgentRole("OWNER").Should().Be(AgentRole.Owner);
        (new VoiceSource("Eleven_Labs") == VoiceSource.ElevenLabs).Should().BeTrue();
        AgentRole.Owner.GetHashCode().Should().Be(new AgentRole("Owner").GetHashCode());
    }

    [Fact]
    public async Task A_missing_required_id_is_an_api_exception_naming_the_problem()
    {
        _api.Respond("GET", "/v1/agents/42", 200, """{"name": "NoId"}""");

        var act = () => _api.Client.Agents.GetAsync(42);

        var e = (await act.Should().ThrowExactlyAsync<GenProApiException>()).Which;
        e.StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
        e.Message.Should().StartWith("GET /v1/agents/42 answered 200 OK, but its body could not be read as Agent");
        e.InnerException.Should().BeOfType<System.Text.Json.JsonException>();
    }

    [Fact]
    public void Request_descriptions_never_show_provider_keys()
    {
        var create = new CreateAgentRequest { Name = "A", ElevenLabsApiKey = "el_secret_1", HumeAiApiKey = "hume_secret_2" };
        var update = new UpdateAgentRequest { ElevenLabsApiKey = "el_secret_1", HumeAiApiKey = "hume_secret_2" };
        var options = new GenProClientOptions { ApiKey = "gen_pat_secret_3" };

        foreach (var text in new[] { create.ToString(), update.ToString(), options.ToString(), new GenProClient(options).ToString() })
        {
            text.Should().NotContainAny("el_secret_1", "hume_secret_2", "gen_pat_secret_3");
        }

        create.ToString().Should().Be("CreateAgentRequest { Name = A, Description = , TimeZone = , OrganizationId = , ElevenLabsApiKey = [REDACTED], HumeAiApiKey = [REDACTED], Avatars = 0 }");
    }
}
