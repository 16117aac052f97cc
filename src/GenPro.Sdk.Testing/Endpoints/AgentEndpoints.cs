using GenPro.Sdk.Testing.Core;
using GenPro.Sdk.Testing.State;
using static GenPro.Sdk.Testing.Endpoints.ParamReader;

namespace GenPro.Sdk.Testing.Endpoints;

/// <summary>The five agent endpoints. Called with the store's lock held. <c>agent_not_found</c> is 422 here.</summary>
internal static class AgentEndpoints
{
    private const string CreationFailed = "agent_creation_failed";
    private const string UpdateFailed = "agent_update_failed";

    public static FakeResponse List(EndpointContext c)
    {
        long? workspaceFilter = null;
        if (c.QueryValue("workspace_id") is { Length: > 0 } text)
        {
            // Rails would look for a workspace with that id and find none: an empty list, not an error.
            workspaceFilter = TryId(text, out var id) ? id : -1;
        }

        var visible = new List<(AgentEntity Agent, FakeWorkspaceRole Role)>();
        foreach (var agent in c.Store.Agents.Values)
        {
            if (!agent.Record.IsDeleted && c.Store.RoleOn(agent, c.User.Id) is { } role
                && (workspaceFilter is null || agent.Record.WorkspaceId == workspaceFilter))
            {
                visible.Add((agent, role));
            }
        }

        return FakeResponse.Json(200, w =>
        {
            w.WriteStartArray();
            foreach (var (agent, role) in visible)
            {
                AgentJson.WriteSummary(w, c.Store, agent, role, c.ImageRoot);
            }

            w.WriteEndArray();
        });
    }

    public static FakeResponse Create(EndpointContext c)
    {
        var store = c.Store;
        var fields = Hash(c.Body, "agent") ?? throw new ApiError(422, CreationFailed, "param is missing or the value is empty: agent");
        long? workspaceId = null;
        var role = FakeWorkspaceRole.Owner;
        if (Text(c.Body, "organization_id") is { Length: > 0 } organization)
        {
            if (!TryId(organization, out var id) || store.RoleIn(id, c.User.Id) is not { } memberRole)
            {
                throw new ApiError(422, "organization_not_found", "Organization not found");
            }

            if (memberRole < FakeWorkspaceRole.Manager)
            {
                throw ApiError.PermissionDenied();
            }

            (workspaceId, role) = (id, memberRole);
        }

        var name = Text(fields, "name");
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ApiError(422, CreationFailed, "Name can't be blank");
        }

        if (NameTaken(store, name, workspaceId, c.User.Id, exceptAgentId: null))
        {
            throw new ApiError(422, CreationFailed, "Name has already been taken");
        }

        var (elevenLabs, hume) = ProviderKeys(c, fields);
        var avatars = Has(fields, "agent_avatars_attributes")
            ? AvatarAttributes.Read(fields["agent_avatars_attributes"], CreationFailed)
            : [];

        var agent = new AgentEntity(
            new FakeAgent
            {
                Id = store.NextAgentId(),
                Name = name,
                Description = Text(fields, "description"),
                TimeZone = Text(fields, "time_zone"),
                WorkspaceId = workspaceId,
                CreatorId = c.User.Id,
                HasElevenLabsApiKey = elevenLabs is not null,
                HasHumeAiApiKey = hume is not null,
            },
            store.NextSetupProjectId());
        store.Agents.Add(agent.Id, agent);
        AvatarAttributes.Store(store, agent.Id, avatars, resetPrimary: false);
        return Wrapped(201, c, agent, role, AgentJson.Shape.Create);
    }

    public static FakeResponse Get(EndpointContext c)
    {
        var agent = Find(c);
        var role = c.Store.RoleOn(agent, c.User.Id) ?? throw ApiError.PermissionDenied();
        var uuid = Boolean(c.QueryValue("with_organization_uuid")) == true;
        return FakeResponse.Json(200, w => AgentJson.WriteAgent(w, c.Store, agent, role, AgentJson.Shape.Get, uuid, c.ImageRoot));
    }

    public static FakeResponse Update(EndpointContext c)
    {
        var store = c.Store;
        var agent = Find(c);
        var role = store.RoleOn(agent, c.User.Id) ?? throw ApiError.PermissionDenied();
        if (role < FakeWorkspaceRole.Editor)
        {
            throw ApiError.PermissionDenied();
        }

        var fields = Hash(c.Body, "agent") ?? throw ApiError.Validation("param is missing or the value is empty: agent");
        var name = Text(fields, "name");
        if (Has(fields, "name"))
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                throw ApiError.Validation("Name can't be blank");
            }

            if (NameTaken(store, name, agent.Record.WorkspaceId, agent.Record.CreatorId, agent.Id))
            {
                throw new ApiError(422, UpdateFailed, "Name has already been taken");
            }
        }

        var (elevenLabs, hume) = ProviderKeys(c, fields);
        var voice = Voice(c, fields);
        var avatars = Has(fields, "agent_avatars_attributes")
            ? AvatarAttributes.Read(fields["agent_avatars_attributes"], UpdateFailed)
            : null;

        // Everything is valid: apply it all at once.
        var was = agent.Record;
        agent.Record = was with
        {
            Name = name ?? was.Name,
            Description = Has(fields, "description") ? Text(fields, "description") : was.Description,
            TimeZone = Has(fields, "time_zone") ? Text(fields, "time_zone") : was.TimeZone,
            HasElevenLabsApiKey = was.HasElevenLabsApiKey || elevenLabs is not null,
            HasHumeAiApiKey = was.HasHumeAiApiKey || hume is not null,
            VoiceSource = voice?.Source ?? was.VoiceSource,
            VoiceId = voice?.VoiceId ?? was.VoiceId,
        };

        if (avatars is not null)
        {
            AvatarAttributes.Store(store, agent.Id, avatars, resetPrimary: true);
        }

        return Wrapped(200, c, agent, role, AgentJson.Shape.Update);
    }

    public static FakeResponse Delete(EndpointContext c)
    {
        var agent = Find(c);
        var mayDelete = agent.Record.CreatorId == c.User.Id || c.Store.RoleOn(agent, c.User.Id) >= FakeWorkspaceRole.Manager;
        if (!mayDelete)
        {
            throw new ApiError(403, "forbidden", "You are not allowed to delete this agent");
        }

        agent.Record = agent.Record with { IsDeleted = true };
        return FakeResponse.Empty(200);
    }

    private static AgentEntity Find(EndpointContext c) =>
        TryId(c.AgentId, out var id) && c.Store.LiveAgent(id) is { } agent ? agent : throw ApiError.AgentNotFound(422);

    private static bool NameTaken(FakeStore store, string name, long? workspaceId, long creatorId, long? exceptAgentId) =>
        store.Agents.Values.Select(a => a.Record).Any(a => !a.IsDeleted && a.Id != exceptAgentId && a.Name == name
                                                      && (workspaceId is null ? a.WorkspaceId is null && a.CreatorId == creatorId : a.WorkspaceId == workspaceId));

    /// <summary>The provider keys, each null when not sent; a key the fake is told is invalid fails with <c>invalid_api_key</c>.</summary>
    private static (string? ElevenLabs, string? Hume) ProviderKeys(EndpointContext c, Dictionary<string, object?> fields)
    {
        var elevenLabs = Text(fields, "eleven_lab_api_key") is { Length: > 0 } e ? e : null;
        var hume = Text(fields, "hume_ai_api_key") is { Length: > 0 } h ? h : null;
        if (elevenLabs is not null && c.IsInvalidProviderKey(elevenLabs))
        {
            throw new ApiError(422, "invalid_api_key", "The ElevenLabs API key is invalid");
        }

        if (hume is not null && c.IsInvalidProviderKey(hume))
        {
            throw new ApiError(422, "invalid_api_key", "The Hume AI API key is invalid");
        }

        return (elevenLabs, hume);
    }

    private static (string Source, string VoiceId)? Voice(EndpointContext c, Dictionary<string, object?> fields)
    {
        if (!Has(fields, "default_user_voice_attributes"))
        {
            return null;
        }

        var voice = Hash(fields, "default_user_voice_attributes") ?? throw ApiError.Validation("default_user_voice_attributes must be an object");
        var source = Text(voice, "source");
        if (string.IsNullOrEmpty(source) || !VoiceSources.IsKnown(source))
        {
            throw ApiError.Validation("Source must be one of eleven_labs, hume_ai, user_voice_resource");
        }

        var voiceId = Text(voice, "voice_id");
        if (string.IsNullOrWhiteSpace(voiceId))
        {
            throw new ApiError(422, "voice_id_required", "voice_id is required");
        }

        if (source == VoiceSources.UserVoiceResource
            && !(TryId(voiceId, out var resourceId) && c.Store.VoiceResources.ContainsKey(resourceId)))
        {
            throw new ApiError(404, "user_voice_resource_not_found", "User voice resource not found");
        }

        return (source, voiceId);
    }

    private static FakeResponse Wrapped(int status, EndpointContext c, AgentEntity agent, FakeWorkspaceRole role, AgentJson.Shape shape) =>
        FakeResponse.Json(status, w =>
        {
            w.WriteStartObject();
            w.WritePropertyName("agent");
            AgentJson.WriteAgent(w, c.Store, agent, role, shape, withOrganizationUuid: false, c.ImageRoot);
            w.WriteEndObject();
        });
}
