namespace GenPro.Sdk.Testing.State;

/// <summary>An agent as the store keeps it; mutated only under <see cref="FakeStore.Gate"/>.</summary>
internal sealed class AgentEntity
{
    public required long Id { get; init; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    public string? TimeZone { get; set; }

    public long? WorkspaceId { get; init; }

    public required long CreatorId { get; init; }

    public required long SetupProjectId { get; init; }

    public string? ElevenLabsApiKey { get; set; }

    public string? HumeAiApiKey { get; set; }

    public string? VoiceSource { get; set; }

    public string? VoiceId { get; set; }

    public bool IsDeleted { get; set; }

    public FakeAgent Snapshot(long? primaryAvatarId) => new()
    {
        Id = Id,
        Name = Name,
        Description = Description,
        TimeZone = TimeZone,
        WorkspaceId = WorkspaceId,
        CreatorId = CreatorId,
        PrimaryAvatarId = primaryAvatarId,
        VoiceSource = VoiceSource,
        VoiceId = VoiceId,
        HasElevenLabsApiKey = ElevenLabsApiKey is not null,
        HasHumeAiApiKey = HumeAiApiKey is not null,
        IsDeleted = IsDeleted,
    };
}
