using GenPro.Sdk.Tests.Infrastructure;

namespace GenPro.Sdk.Tests.Client;

/// <summary>What a user reads when something goes wrong, or prints a model: words and model names, never CLR type names.</summary>
public sealed class MessageTests : IDisposable
{
    private readonly ApiServer _api = new();

    public void Dispose() => _api.Dispose();

    [Fact]
    public async Task An_unreadable_list_names_the_model_it_should_have_been()
    {
        _api.Respond("GET", "/v1/agents", 200, """{"agents": []}""");

        var e = (await FluentActions.Awaiting(() => _api.Client.Agents.ListAsync()).Should().ThrowExactlyAsync<GenProApiException>()).Which;

        e.Message.Should().StartWith("GET /v1/agents answered 200 OK, but its body could not be read as AgentSummary list: ");
        e.Message.Should().NotContain("`1");
    }

    [Fact]
    public async Task Models_print_their_extra_fields_by_name_not_a_dictionary_type()
    {
        _api.Respond("GET", "/v1/agents/42", 200, Samples.Agent.Replace("\"role\": \"owner\",", "\"role\": \"owner\", \"organization_uuid\": \"0f6c…\",", StringComparison.Ordinal));
        _api.Respond("GET", "/v1/agents", 200, Samples.AgentList);

        var agent = await _api.Client.Agents.GetAsync(42, includeOrganizationUuid: true);
        var summary = (await _api.Client.Agents.ListAsync()).Single();

        agent.ToString().Should().Be(
            "Agent { Id = 42, Name = TrendBot, Description = Trend analysis agent, OrganizationId = 10, TimeZone = America/New_York, "
            + "PrimaryAvatarId = 101, PrimaryAvatarUrl = https://cdn.gen.pro/avatars/42/thumbnail.webp, AgentSetupProjectId = 500, Role = owner, "
            + "DefaultUserVoice = AgentVoice { VoiceId = voice_abc123, Source = eleven_labs, Name = Sarah, Gender = female, Language = English, "
            + "PreviewUrl = https://api.elevenlabs.io/v1/previews/voice_abc123.mp3, AdditionalProperties = [] }, AdditionalProperties = [organization_uuid] }");
        summary.ToString().Should().Contain("SharedUsers = 0 items").And.EndWith("DefaultUserVoice = , AdditionalProperties = [] }");
        foreach (var text in new[] { agent.ToString(), summary.ToString(), new Avatar { Id = 7 }.ToString() })
        {
            text.Should().NotContain("System.").And.NotContain("`");
        }
    }

    [Fact]
    public void Every_public_record_prints_without_clr_type_names()
    {
        var records = typeof(GenProClient).Assembly.GetExportedTypes()
            .Where(t => t.GetMethod("<Clone>$") is not null && !t.IsGenericTypeDefinition)
            .ToList();

        records.Should().NotBeEmpty();
        foreach (var type in records)
        {
            var instance = type == typeof(DefaultVoiceSelection)
                ? DefaultVoiceSelection.ElevenLabs("voice_abc123")
                : Activator.CreateInstance(type)!;
            instance.ToString().Should().NotContain("System.Collections", $"{type.Name} prints its collections readably");
        }
    }
}
