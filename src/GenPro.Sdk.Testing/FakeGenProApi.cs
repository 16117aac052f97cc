using System.Runtime.CompilerServices;
using GenPro.Sdk.Testing.Core;
using GenPro.Sdk.Testing.Endpoints;
using GenPro.Sdk.Testing.Server;
using GenPro.Sdk.Testing.State;

namespace GenPro.Sdk.Testing;

/// <summary>
/// A stateful, thread-safe, in-memory GEN Agents API: the nine agent and avatar endpoints with the documented
/// statuses and error codes. Seed it with users, workspaces, agents, avatars and voice resources, then talk to it
/// through <see cref="CreateHandler"/> (in-process) or <see cref="FakeGenProServer.StartAsync"/> (real loopback HTTP).
/// </summary>
/// <example>
/// <code>
/// var fake = new FakeGenProApi();
/// var alice = fake.AddUser("gen_pat_alice", "Alice");
/// var team = fake.AddWorkspace("My Company");
/// fake.AddMember(team, alice, FakeWorkspaceRole.Owner);
/// using var client = new HttpClient(fake.CreateHandler()) { BaseAddress = FakeGenProApi.DefaultBaseAddress };
/// client.DefaultRequestHeaders.Add("X-API-Key", "gen_pat_alice");
/// </code>
/// </example>
public sealed class FakeGenProApi
{
    /// <summary>The base address to give clients of <see cref="CreateHandler"/>: <c>http://localhost/v1/</c>, a loopback address the SDK accepts over plain http.</summary>
    public static readonly Uri DefaultBaseAddress = new("http://localhost/v1/");

    private readonly FakeStore _store = new();
    private readonly FakeApiCore _core;
    private Func<string, bool> _isInvalidProviderKey = static key => key.StartsWith("invalid", StringComparison.Ordinal);

    /// <summary>Creates an empty fake: no users, so every request is refused with 401 until <see cref="AddUser"/>.</summary>
    public FakeGenProApi() => _core = new FakeApiCore(_store, Faults, key => Volatile.Read(ref _isInvalidProviderKey)(key));

    /// <summary>Faults to inject in place of normal answers.</summary>
    public FakeFaults Faults { get; } = new();

    /// <summary>
    /// Decides which ElevenLabs and Hume AI keys the fake refuses with 422 <c>invalid_api_key</c>;
    /// by default, keys starting with <c>invalid</c>.
    /// </summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public Func<string, bool> IsInvalidProviderKey
    {
        get => Volatile.Read(ref _isInvalidProviderKey);
        set => Volatile.Write(ref _isInvalidProviderKey, value ?? throw new ArgumentNullException(nameof(value)));
    }

    /// <summary>Every agent ever created, deleted ones included (see <see cref="FakeAgent.IsDeleted"/>), by id.</summary>
    public IReadOnlyList<FakeAgent> Agents
    {
        get
        {
            lock (_store.Gate)
            {
                return [.. _store.Agents.Values.Select(_store.Snapshot)];
            }
        }
    }

    /// <summary>Every avatar that has not been deleted, by id.</summary>
    public IReadOnlyList<FakeAvatar> Avatars
    {
        get
        {
            lock (_store.Gate)
            {
                return [.. _store.Avatars.Values.Select(a => a.Record)];
            }
        }
    }

    /// <summary>The requests received so far, oldest first, faulted and refused ones included.</summary>
    public IReadOnlyList<FakeRequest> ReceivedRequests => _core.Requests;

    /// <summary>Forgets the received requests (the state stays).</summary>
    public void ClearReceivedRequests() => _core.ClearRequests();

    /// <summary>Adds a user that authenticates with <paramref name="apiKey"/> in the <c>X-API-Key</c> header.</summary>
    /// <param name="apiKey">The key, such as <c>gen_pat_alice</c>; unique.</param>
    /// <param name="name">A display name; the key's owner is called <c>User N</c> when null.</param>
    /// <returns>The user.</returns>
    /// <exception cref="ArgumentException"><paramref name="apiKey"/> is blank or already taken.</exception>
    public FakeUser AddUser(string apiKey, string? name = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(apiKey);
        lock (_store.Gate)
        {
            if (_store.UsersByKey.ContainsKey(apiKey))
            {
                throw new ArgumentException("Another user already has this API key.", nameof(apiKey));
            }

            var id = _store.NextUserId();
            var user = new FakeUser(id, name ?? FormattableString.Invariant($"User {id}"));
            _store.UsersByKey.Add(apiKey, user);
            return user;
        }
    }

    /// <summary>Adds a workspace (an organization) without members.</summary>
    /// <param name="name">Its name, returned as <c>organization</c> by the list endpoint.</param>
    /// <returns>The workspace.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is blank.</exception>
    public FakeWorkspace AddWorkspace(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        lock (_store.Gate)
        {
            var workspace = new FakeWorkspace(_store.NextWorkspaceId(), name, Guid.NewGuid());
            _store.Workspaces.Add(workspace.Id, new WorkspaceEntity(workspace));
            return workspace;
        }
    }

    /// <summary>Gives <paramref name="user"/> a role in <paramref name="workspace"/>, replacing any role it had.</summary>
    /// <param name="workspace">A workspace of this fake.</param>
    /// <param name="user">A user of this fake.</param>
    /// <param name="role">The role.</param>
    /// <exception cref="ArgumentException">The workspace or user does not belong to this fake.</exception>
    public void AddMember(FakeWorkspace workspace, FakeUser user, FakeWorkspaceRole role)
    {
        lock (_store.Gate)
        {
            CheckUser(user);
            WorkspaceOf(workspace).Members[user.Id] = role;
        }
    }

    /// <summary>Adds an agent as if <paramref name="creator"/> had created it; no permission or uniqueness rule applies.</summary>
    /// <param name="creator">The user who creates it.</param>
    /// <param name="name">Its name.</param>
    /// <param name="workspace">Its workspace; null for a personal agent of <paramref name="creator"/>.</param>
    /// <param name="description">Its description.</param>
    /// <param name="timeZone">Its IANA time zone.</param>
    /// <returns>A snapshot of the agent.</returns>
    /// <exception cref="ArgumentException">The name is blank, or the user or workspace does not belong to this fake.</exception>
    public FakeAgent AddAgent(FakeUser creator, string name, FakeWorkspace? workspace = null, string? description = null, string? timeZone = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        lock (_store.Gate)
        {
            CheckUser(creator);
            if (workspace is not null)
            {
                WorkspaceOf(workspace);
            }

            var agent = new AgentEntity(
                new FakeAgent
                {
                    Id = _store.NextAgentId(),
                    Name = name,
                    Description = description,
                    TimeZone = timeZone,
                    WorkspaceId = workspace?.Id,
                    CreatorId = creator.Id,
                },
                _store.NextSetupProjectId());
            _store.Agents.Add(agent.Id, agent);
            return _store.Snapshot(agent);
        }
    }

    /// <summary>Adds an avatar to an agent; the agent's first avatar becomes primary.</summary>
    /// <param name="agentId">The agent's id.</param>
    /// <param name="deGodAvatarId">A DeGod avatar id; null stores a PNG image avatar.</param>
    /// <param name="makePrimary">Make it the primary avatar even when the agent has one.</param>
    /// <returns>A snapshot of the avatar.</returns>
    /// <exception cref="ArgumentException">No live agent has this id.</exception>
    public FakeAvatar AddAvatar(long agentId, long? deGodAvatarId = null, bool makePrimary = false)
    {
        lock (_store.Gate)
        {
            if (_store.LiveAgent(agentId) is null)
            {
                throw new ArgumentException("No live agent has this id.", nameof(agentId));
            }

            var avatar = deGodAvatarId is null
                ? _store.AddAvatar(agentId, null, "avatar.png", "png", AvatarImages.SeedPng)
                : _store.AddAvatar(agentId, deGodAvatarId, null, null, ReadOnlyMemory<byte>.Empty);
            if (makePrimary)
            {
                _store.MakePrimary(avatar);
            }

            return avatar.Record;
        }
    }

    /// <summary>Adds a voice resource that update can select with source <c>user_voice_resource</c> and its id as <c>voice_id</c>.</summary>
    /// <param name="name">The voice's display name.</param>
    /// <param name="gender">Its gender; <c>neutral</c> when null.</param>
    /// <param name="language">Its language, such as <c>English</c> (the default).</param>
    /// <param name="provider">Where it is hosted, <c>eleven_labs</c> unless given.</param>
    /// <param name="previewUrl">A preview recording; <c>https://cdn.gen.pro/voices/{id}/preview.mp3</c> when null.</param>
    /// <returns>The voice resource, with the defaults filled in: what get returns as <c>default_user_voice</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> or <paramref name="provider"/> is blank.</exception>
    public FakeVoiceResource AddVoiceResource(string name, string? gender = null, string? language = null, string provider = "eleven_labs", Uri? previewUrl = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(provider);
        lock (_store.Gate)
        {
            var id = _store.NextVoiceResourceId();
            var resource = new FakeVoiceResource(
                id,
                name,
                gender ?? VoiceCatalog.DefaultGender,
                language ?? VoiceCatalog.DefaultLanguage,
                provider,
                previewUrl ?? VoiceCatalog.DefaultResourcePreviewUrl(id));
            _store.VoiceResources.Add(resource.Id, resource);
            return resource;
        }
    }

    /// <summary>
    /// Adds an ElevenLabs or Hume AI voice to the fake's catalog: once an agent selects it (update with
    /// <c>default_user_voice_attributes: {source, voice_id}</c>), get and list describe it with these values, as the
    /// API describes a provider voice. Voices not added here are described too, with <see cref="DescribeProviderVoice"/>'s stand-ins.
    /// </summary>
    /// <param name="source"><see cref="VoiceSource.ElevenLabs"/> or <see cref="VoiceSource.HumeAi"/>.</param>
    /// <param name="voiceId">The voice's id at the provider, such as <c>voice_abc123</c>; compared ordinally.</param>
    /// <param name="name">Its display name; <c>ElevenLabs voice {voiceId}</c> or <c>Hume AI voice {voiceId}</c> when null.</param>
    /// <param name="gender">Its gender; <c>neutral</c> when null.</param>
    /// <param name="language">Its language; <c>English</c> when null.</param>
    /// <param name="previewUrl">A preview recording; when null, <c>https://api.elevenlabs.io/v1/previews/{voiceId}.mp3</c> or <c>https://api.hume.ai/v0/tts/voices/{voiceId}/preview.mp3</c>.</param>
    /// <returns>The voice as the fake will describe it.</returns>
    /// <exception cref="ArgumentException"><paramref name="source"/> is not ElevenLabs or Hume AI (seed a <c>user_voice_resource</c> with <see cref="AddVoiceResource"/>), <paramref name="voiceId"/> is blank, or the voice was already added.</exception>
    public FakeProviderVoice AddProviderVoice(VoiceSource source, string voiceId, string? name = null, string? gender = null, string? language = null, Uri? previewUrl = null)
    {
        var provider = ProviderOf(source);
        ArgumentException.ThrowIfNullOrWhiteSpace(voiceId);
        var standIn = VoiceCatalog.Unseeded(provider, voiceId);
        var voice = standIn with
        {
            Name = name ?? standIn.Name,
            Gender = gender ?? standIn.Gender,
            Language = language ?? standIn.Language,
            PreviewUrl = previewUrl ?? standIn.PreviewUrl,
        };
        lock (_store.Gate)
        {
            if (!_store.ProviderVoices.TryAdd((provider.ToString(), voiceId), voice))
            {
                throw new ArgumentException("This voice was already added.", nameof(voiceId));
            }
        }

        return voice;
    }

    /// <summary>
    /// How the fake describes an ElevenLabs or Hume AI voice in <c>default_user_voice</c>: as added with
    /// <see cref="AddProviderVoice"/>, else with fixed stand-ins derived from the id (name <c>ElevenLabs voice {voiceId}</c>
    /// or <c>Hume AI voice {voiceId}</c>, gender <c>neutral</c>, language <c>English</c>, the provider's preview URL shape),
    /// never null where the API sends a string.
    /// </summary>
    /// <param name="source"><see cref="VoiceSource.ElevenLabs"/> or <see cref="VoiceSource.HumeAi"/>.</param>
    /// <param name="voiceId">The voice's id at the provider.</param>
    /// <returns>The description.</returns>
    /// <exception cref="ArgumentException"><paramref name="source"/> is not ElevenLabs or Hume AI, or <paramref name="voiceId"/> is blank.</exception>
    public FakeProviderVoice DescribeProviderVoice(VoiceSource source, string voiceId)
    {
        var provider = ProviderOf(source);
        ArgumentException.ThrowIfNullOrWhiteSpace(voiceId);
        lock (_store.Gate)
        {
            return _store.DescribeProviderVoice(provider, voiceId);
        }
    }

    /// <summary>
    /// A handler that serves requests in-process, without sockets. Give its <see cref="HttpClient"/> an absolute
    /// base address ending in <c>/v1/</c>, such as <see cref="DefaultBaseAddress"/>; the host is not looked at.
    /// Handlers are cheap and share this fake's state; dispose them as usual.
    /// </summary>
    /// <returns>The handler.</returns>
    public HttpMessageHandler CreateHandler() => new FakeHandler(_core);

    internal FakeApiCore Core => _core;

    private static VoiceSource ProviderOf(VoiceSource source, [CallerArgumentExpression(nameof(source))] string? parameter = null) =>
        VoiceCatalog.Provider(source)
        ?? throw new ArgumentException(
            $"The source must be {VoiceSource.ElevenLabs} or {VoiceSource.HumeAi}, not '{source}'; seed a {VoiceSource.UserVoiceResource} with AddVoiceResource.",
            parameter);

    private void CheckUser(FakeUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!_store.UsersByKey.ContainsValue(user))
        {
            throw new ArgumentException("The user does not belong to this fake.", nameof(user));
        }
    }

    private WorkspaceEntity WorkspaceOf(FakeWorkspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return _store.Workspaces.TryGetValue(workspace.Id, out var entity) && entity.Workspace == workspace
            ? entity
            : throw new ArgumentException("The workspace does not belong to this fake.", nameof(workspace));
    }
}
