using System.Text.Json.Serialization;
using GenPro.Sdk.Serialization;

namespace GenPro.Sdk.Agents.Wire;

/// <summary><c>{"agent": {…}}</c>, the envelope of create and update responses.</summary>
internal sealed class AgentEnvelope : IEnvelope<Agent>
{
    public static string PropertyName => "agent";

    public Agent? Agent { get; init; }

    Agent? IEnvelope<Agent>.Wrapped => Agent;
}

/// <summary>The JSON body of <c>POST /agents</c>.</summary>
internal sealed class CreateAgentBody
{
    public long? OrganizationId { get; init; }

    public required AgentFields Agent { get; init; }
}

/// <summary>The JSON body of <c>PATCH /agents/:id</c>.</summary>
internal sealed class UpdateAgentBody
{
    public required AgentFields Agent { get; init; }
}

/// <summary>The <c>agent[…]</c> fields; a null field is left out of the body, so update sends only what was set.</summary>
internal sealed class AgentFields
{
    public string? Name { get; init; }

    public string? Description { get; init; }

    public string? TimeZone { get; init; }

    [JsonPropertyName("eleven_lab_api_key")]
    public string? ElevenLabApiKey { get; init; }

    [JsonPropertyName("hume_ai_api_key")]
    public string? HumeAiApiKey { get; init; }

    public List<AvatarAttributes>? AgentAvatarsAttributes { get; init; }

    public VoiceAttributes? DefaultUserVoiceAttributes { get; init; }
}

/// <summary>One <c>agent_avatars_attributes</c> item of a JSON body (files travel as multipart instead).</summary>
internal sealed class AvatarAttributes
{
    public long? DegodAvatarId { get; init; }

    public bool? IsPrimary { get; init; }
}

/// <summary><c>default_user_voice_attributes</c>: <c>{source, voice_id}</c>.</summary>
internal sealed class VoiceAttributes
{
    public required string Source { get; init; }

    public required string VoiceId { get; init; }
}
