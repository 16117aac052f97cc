namespace GenPro.Sdk.Testing;

/// <summary>A snapshot of an agent in the fake's state; later changes do not show in it.</summary>
public sealed record FakeAgent
{
    /// <summary>The agent's id.</summary>
    public required long Id { get; init; }

    /// <summary>The agent's name.</summary>
    public required string Name { get; init; }

    /// <summary>The agent's description, if any.</summary>
    public string? Description { get; init; }

    /// <summary>The agent's IANA time zone, if any.</summary>
    public string? TimeZone { get; init; }

    /// <summary>The workspace the agent belongs to; null for a personal agent.</summary>
    public long? WorkspaceId { get; init; }

    /// <summary>The user who created the agent.</summary>
    public required long CreatorId { get; init; }

    /// <summary>The primary avatar's id, or null when the agent has no avatar.</summary>
    public long? PrimaryAvatarId { get; init; }

    /// <summary>The default voice's source (<c>eleven_labs</c>, <c>hume_ai</c>, <c>user_voice_resource</c>), or null.</summary>
    public string? VoiceSource { get; init; }

    /// <summary>The default voice's id at its source, or null.</summary>
    public string? VoiceId { get; init; }

    /// <summary>Whether an ElevenLabs key was stored (the key itself is not exposed).</summary>
    public bool HasElevenLabsApiKey { get; init; }

    /// <summary>Whether a Hume AI key was stored (the key itself is not exposed).</summary>
    public bool HasHumeAiApiKey { get; init; }

    /// <summary>Whether the agent was soft-deleted; a deleted agent is invisible to every endpoint.</summary>
    public bool IsDeleted { get; init; }
}
