namespace GenPro.Sdk.Testing.State;

/// <summary>
/// Everything the fake knows. One lock guards it all: requests are tiny and a test's throughput does not matter,
/// while one lock makes every endpoint atomic (a failed create leaves nothing behind, as a database transaction would).
/// </summary>
internal sealed class FakeStore
{
    private long _nextUserId = 1;
    private long _nextWorkspaceId = 10;
    private long _nextAgentId = 42;
    private long _nextAvatarId = 101;
    private long _nextVoiceResourceId = 1;
    private long _nextSetupProjectId = 500;

    public object Gate { get; } = new();

    public Dictionary<string, FakeUser> UsersByKey { get; } = new(StringComparer.Ordinal);

    public Dictionary<long, WorkspaceEntity> Workspaces { get; } = [];

    public SortedDictionary<long, AgentEntity> Agents { get; } = [];

    public SortedDictionary<long, AvatarEntity> Avatars { get; } = [];

    public Dictionary<long, FakeVoiceResource> VoiceResources { get; } = [];

    /// <summary>Seeded ElevenLabs and Hume AI voices by (wire source, voice id); ids compare ordinally, as the providers' do.</summary>
    public Dictionary<(string Source, string VoiceId), FakeProviderVoice> ProviderVoices { get; } = [];

    public long NextUserId() => _nextUserId++;

    public long NextWorkspaceId() => _nextWorkspaceId++;

    public long NextAgentId() => _nextAgentId++;

    public long NextAvatarId() => _nextAvatarId++;

    public long NextVoiceResourceId() => _nextVoiceResourceId++;

    public long NextSetupProjectId() => _nextSetupProjectId++;

    /// <summary>An agent that exists and is not deleted.</summary>
    public AgentEntity? LiveAgent(long id) => Agents.TryGetValue(id, out var agent) && !agent.Record.IsDeleted ? agent : null;

    /// <summary>The user's role in a workspace, or null when not a member.</summary>
    public FakeWorkspaceRole? RoleIn(long workspaceId, long userId) =>
        Workspaces.TryGetValue(workspaceId, out var workspace) && workspace.Members.TryGetValue(userId, out var role) ? role : null;

    /// <summary>The caller's role on an agent: the workspace role, or owner of a personal agent they created; null when they cannot see it.</summary>
    public FakeWorkspaceRole? RoleOn(AgentEntity agent, long userId) => agent.Record.WorkspaceId is { } workspaceId
        ? RoleIn(workspaceId, userId)
        : agent.Record.CreatorId == userId ? FakeWorkspaceRole.Owner : null;

    /// <summary>The agent's avatars, primary first, then by id.</summary>
    public List<AvatarEntity> AvatarsOf(long agentId)
    {
        var list = Avatars.Values.Where(a => a.Record.AgentId == agentId).ToList();
        return [.. list.Where(a => a.Record.IsPrimary), .. list.Where(a => !a.Record.IsPrimary)];
    }

    public AvatarEntity? PrimaryOf(long agentId) => Avatars.Values.FirstOrDefault(a => a.Record.AgentId == agentId && a.Record.IsPrimary);

    /// <summary>Stores an uploaded image (<paramref name="imageFormat"/> set) or a DeGod avatar, for which a picture is drawn.</summary>
    public AvatarEntity AddAvatar(long agentId, long? deGodAvatarId, string? fileName, string? imageFormat, ReadOnlyMemory<byte> image)
    {
        var avatar = AvatarEntity.Create(NextAvatarId(), agentId, deGodAvatarId, fileName, imageFormat, image, isPrimary: PrimaryOf(agentId) is null);
        Avatars.Add(avatar.Id, avatar);
        return avatar;
    }

    public void MakePrimary(AvatarEntity avatar)
    {
        foreach (var other in Avatars.Values.Where(a => a.Record.AgentId == avatar.Record.AgentId))
        {
            other.Record = other.Record with { IsPrimary = other.Id == avatar.Id };
        }
    }

    /// <summary>Removes avatars; when the primary goes, the lowest remaining id is promoted.</summary>
    public void RemoveAvatars(long agentId, IEnumerable<long> ids)
    {
        foreach (var id in ids)
        {
            if (Avatars.TryGetValue(id, out var avatar) && avatar.Record.AgentId == agentId)
            {
                Avatars.Remove(id);
            }
        }

        if (PrimaryOf(agentId) is null && Avatars.Values.FirstOrDefault(a => a.Record.AgentId == agentId) is { } next)
        {
            next.Record = next.Record with { IsPrimary = true };
        }
    }

    /// <summary>The seeded description of a provider voice, else the documented stand-in (<see cref="VoiceCatalog.Unseeded"/>).</summary>
    public FakeProviderVoice DescribeProviderVoice(VoiceSource provider, string voiceId) =>
        ProviderVoices.TryGetValue((provider.ToString(), voiceId), out var seeded) ? seeded : VoiceCatalog.Unseeded(provider, voiceId);

    /// <summary>The agent as tests see it: its record, with the primary avatar the avatars decide.</summary>
    public FakeAgent Snapshot(AgentEntity agent) => agent.Record with { PrimaryAvatarId = PrimaryOf(agent.Id)?.Id };
}
