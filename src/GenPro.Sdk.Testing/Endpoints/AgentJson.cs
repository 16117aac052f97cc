using System.Globalization;
using System.Text.Json;
using GenPro.Sdk.Testing.State;

namespace GenPro.Sdk.Testing.Endpoints;

/// <summary>Writes agents in the shapes the reference documents for each endpoint.</summary>
internal static class AgentJson
{
    public enum Shape
    {
        /// <summary>Create: no setup project, the voice as <c>{source, voice_id}</c>.</summary>
        Create,

        /// <summary>Get: with the setup project, the voice as <c>{id, name, gender, language, provider, url}</c>.</summary>
        Get,

        /// <summary>Update: like create.</summary>
        Update,
    }

    public static string RoleName(FakeWorkspaceRole role) => role switch
    {
        FakeWorkspaceRole.Owner => "owner",
        FakeWorkspaceRole.Manager => "manager",
        FakeWorkspaceRole.Editor => "editor",
        _ => "viewer",
    };

    public static void WriteSummary(Utf8JsonWriter w, FakeStore store, AgentEntity agent, FakeWorkspaceRole role, Uri imageRoot)
    {
        w.WriteStartObject();
        w.WriteNumber("id", agent.Id);
        w.WriteString("name", agent.Record.Name);
        w.WriteString("description", agent.Record.Description);
        w.WriteString("primary_avatar_url", store.PrimaryOf(agent.Id)?.ThumbnailUrlOn(imageRoot).AbsoluteUri);
        w.WriteString("role", RoleName(role));
        w.WriteString("organization", agent.Record.WorkspaceId is { } id ? store.Workspaces[id].Workspace.Name : null);
        w.WriteString("time_zone", agent.Record.TimeZone);
        w.WriteBoolean("tiktok_integration", false);
        w.WriteBoolean("tiktok_social_account", false);
        w.WriteBoolean("degods", store.Avatars.Values.Any(a => a.Record.AgentId == agent.Id && a.Record.DeGodAvatarId is not null));
        w.WriteStartArray("shared_users");
        w.WriteEndArray();
        w.WritePropertyName("default_user_voice");
        WriteVoiceDetails(w, store, agent);
        w.WriteEndObject();
    }

    public static void WriteAgent(Utf8JsonWriter w, FakeStore store, AgentEntity agent, FakeWorkspaceRole role, Shape shape, bool withOrganizationUuid, Uri imageRoot)
    {
        var primary = store.PrimaryOf(agent.Id);
        w.WriteStartObject();
        w.WriteNumber("id", agent.Id);
        w.WriteString("name", agent.Record.Name);
        w.WriteString("description", agent.Record.Description);
        WriteNumberOrNull(w, "organization_id", agent.Record.WorkspaceId);
        w.WriteString("time_zone", agent.Record.TimeZone);
        WriteNumberOrNull(w, "primary_avatar_id", primary?.Id);
        w.WriteString("primary_avatar_url", primary?.ThumbnailUrlOn(imageRoot).AbsoluteUri);
        if (shape == Shape.Get)
        {
            w.WriteNumber("agent_setup_project_id", agent.SetupProjectId);
        }

        w.WriteString("role", RoleName(role));
        w.WritePropertyName("default_user_voice");
        if (shape == Shape.Get)
        {
            WriteVoiceDetails(w, store, agent);
        }
        else if (agent.Record.VoiceSource is null)
        {
            w.WriteNullValue();
        }
        else
        {
            w.WriteStartObject();
            w.WriteString("source", agent.Record.VoiceSource);
            w.WriteString("voice_id", agent.Record.VoiceId);
            w.WriteEndObject();
        }

        if (withOrganizationUuid)
        {
            w.WriteString("organization_uuid", agent.Record.WorkspaceId is { } id ? store.Workspaces[id].Workspace.Uuid.ToString() : null);
        }

        w.WriteEndObject();
    }

    /// <summary>
    /// <c>{id, name, gender, language, provider, url}</c>, every field a string as the API sends it: from the seeded
    /// voice resource or provider voice, else from the stand-in values of <see cref="VoiceCatalog"/>.
    /// </summary>
    private static void WriteVoiceDetails(Utf8JsonWriter w, FakeStore store, AgentEntity agent)
    {
        if (agent.Record.VoiceSource is not { } source || agent.Record.VoiceId is not { } voiceId)
        {
            w.WriteNullValue();
            return;
        }

        string name, gender, language, provider;
        Uri url;
        if (source == VoiceSources.UserVoiceResource)
        {
            // Update admits only a seeded resource (else 404), and resources are never removed.
            var resource = store.VoiceResources[long.Parse(voiceId, CultureInfo.InvariantCulture)];
            (name, gender, language, provider, url) = (resource.Name, resource.Gender, resource.Language, resource.Provider, resource.PreviewUrl);
        }
        else
        {
            var voice = store.DescribeProviderVoice(VoiceCatalog.Provider(source) ?? new VoiceSource(source), voiceId);
            (name, gender, language, provider, url) = (voice.Name, voice.Gender, voice.Language, source, voice.PreviewUrl);
        }

        w.WriteStartObject();
        w.WriteString("id", voiceId);
        w.WriteString("name", name);
        w.WriteString("gender", gender);
        w.WriteString("language", language);
        w.WriteString("provider", provider);
        w.WriteString("url", url.AbsoluteUri);
        w.WriteEndObject();
    }

    private static void WriteNumberOrNull(Utf8JsonWriter w, string name, long? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
