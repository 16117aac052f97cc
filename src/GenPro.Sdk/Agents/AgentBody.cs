using GenPro.Sdk.Avatars.Images;
using GenPro.Sdk.Bodies;

namespace GenPro.Sdk.Agents;

/// <summary>
/// The create and update bodies, described once as the API names their fields (<see cref="BodyField"/>s) and written
/// as JSON when no file travels, as <c>multipart/form-data</c> when one does.
/// <para>
/// In a form each avatar goes under its own index, as Rails' <c>fields_for</c> writes them:
/// <c>agent[agent_avatars_attributes][0][file]</c>, <c>agent[agent_avatars_attributes][1][degod_avatar_id]</c>. Rack
/// turns that into one hash per index and nested attributes take the hash's values in order, so no avatar merges into
/// another whatever the mix, and <c>is_primary</c> is sent only for the avatar the caller marked. A null field is left
/// out, so an update sends only what was set.
/// </para>
/// </summary>
internal static class AgentBody
{
    private const string Agent = "agent";
    private const string Avatars = "agent_avatars_attributes";
    private const string Voice = "default_user_voice_attributes";

    public static Task<RequestBody> ForCreateAsync(CreateAgentRequest request, CancellationToken cancellationToken)
    {
        var fields = new List<BodyField>();
        if (request.OrganizationId is { } organizationId)
        {
            fields.Add(new("organization_id", organizationId));
        }

        AddAgent(fields, request.Name, request.Description, request.TimeZone, request.ElevenLabsApiKey, request.HumeAiApiKey, request.Avatars, voice: null);
        return BuildAsync(fields, request.UploadProgress, cancellationToken);
    }

    public static Task<RequestBody> ForUpdateAsync(UpdateAgentRequest request, CancellationToken cancellationToken)
    {
        var fields = new List<BodyField>();
        AddAgent(fields, request.Name, request.Description, request.TimeZone, request.ElevenLabsApiKey, request.HumeAiApiKey, request.Avatars, request.DefaultVoice);
        return BuildAsync(fields, request.UploadProgress, cancellationToken);
    }

    private static void AddAgent(
        List<BodyField> fields,
        string? name,
        string? description,
        string? timeZone,
        string? elevenLabsApiKey,
        string? humeAiApiKey,
        IList<AvatarUpload> avatars,
        DefaultVoiceSelection? voice)
    {
        AddText(fields, "name", name);
        AddText(fields, "description", description);
        AddText(fields, "time_zone", timeZone);
        AddText(fields, "eleven_lab_api_key", elevenLabsApiKey);
        AddText(fields, "hume_ai_api_key", humeAiApiKey);
        for (var i = 0; i < avatars.Count; i++)
        {
            var avatar = avatars[i];
            fields.Add(avatar.Image is { } image
                ? new("file", image) { Parent = Agent, Nested = Avatars, Item = i }
                : new("degod_avatar_id", avatar.DeGodAvatarId!.Value) { Parent = Agent, Nested = Avatars, Item = i });
            if (avatar.IsPrimary)
            {
                fields.Add(new("is_primary", true) { Parent = Agent, Nested = Avatars, Item = i });
            }
        }

        if (voice is not null)
        {
            fields.Add(new("source", voice.Source.Value!) { Parent = Agent, Nested = Voice });
            fields.Add(new("voice_id", voice.VoiceId) { Parent = Agent, Nested = Voice });
        }
    }

    private static void AddText(List<BodyField> fields, string name, string? value)
    {
        if (value is not null)
        {
            fields.Add(new(name, value) { Parent = Agent });
        }
    }

    /// <summary>JSON unless a file travels; a form has its images opened and checked here, before anything is sent.</summary>
    private static async Task<RequestBody> BuildAsync(List<BodyField> fields, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        if (!fields.Exists(static f => f.Value is ImageSource))
        {
            return new RequestBody(JsonBody.Write(fields), nonReplayable: false, progress);
        }

        using var form = new FormBuilder();
        foreach (var field in fields)
        {
            await form.AddAsync(field, "request", cancellationToken).ConfigureAwait(false);
        }

        return form.Build(progress);
    }
}
