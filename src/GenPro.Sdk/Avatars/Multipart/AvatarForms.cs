using System.Globalization;

namespace GenPro.Sdk.Avatars.Multipart;

/// <summary>
/// The multipart bodies that carry avatars: upload, and agent create and update when a file travels.
/// <para>
/// Agent create and update write each avatar under its own index, as Rails' <c>fields_for</c> does:
/// <c>agent[agent_avatars_attributes][0][file]</c>, <c>agent[agent_avatars_attributes][1][degod_avatar_id]</c>. Rack
/// turns that into one hash per index and nested attributes take the hash's values in order, so no avatar merges
/// into another whatever the mix, and <c>is_primary</c> is sent only for the avatar the caller marked.
/// </para>
/// <para>
/// The upload endpoint is not nested attributes: it documents the array form <c>agent_avatars_attributes[][k]</c>,
/// in which Rack adds <c>k</c> to the last object unless that object already has <c>k</c>. A run of one kind parses
/// right, a change of kind would merge two objects, and nothing shows the endpoint accepts an indexed hash instead;
/// so an upload sends one request per kind.
/// </para>
/// </summary>
internal static class AvatarForms
{
    public const string UploadFile = "agent_avatars_attributes[][file]";
    public const string UploadDeGod = "agent_avatars_attributes[][degod_avatar_id]";
    private const string AgentAvatars = "agent[agent_avatars_attributes]";

    public static bool HasImage(IEnumerable<AvatarUpload> avatars)
    {
        foreach (var avatar in avatars)
        {
            if (avatar.Image is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The body of one upload request; <paramref name="uploads"/> must be all images or all DeGod ids.</summary>
    public static async Task<RequestBody> ForUploadAsync(
        IReadOnlyList<AvatarUpload> uploads, string paramName, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        using var form = new FormBuilder();
        foreach (var upload in uploads)
        {
            if (upload.Image is { } image)
            {
                await form.AddImageAsync(UploadFile, image, paramName, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                form.AddText(UploadDeGod, Text(upload.DeGodAvatarId!.Value));
            }
        }

        return form.Build(progress);
    }

    public static async Task<RequestBody> ForCreateAsync(CreateAgentRequest request, CancellationToken cancellationToken)
    {
        using var form = new FormBuilder();
        form.AddText("organization_id", request.OrganizationId is { } id ? Text(id) : null);
        AddAgentFields(form, request.Name, request.Description, request.TimeZone, request.ElevenLabsApiKey, request.HumeAiApiKey);
        await AddAgentAvatarsAsync(form, request.Avatars, cancellationToken).ConfigureAwait(false);
        return form.Build(request.UploadProgress);
    }

    public static async Task<RequestBody> ForUpdateAsync(UpdateAgentRequest request, CancellationToken cancellationToken)
    {
        using var form = new FormBuilder();
        AddAgentFields(form, request.Name, request.Description, request.TimeZone, request.ElevenLabsApiKey, request.HumeAiApiKey);
        await AddAgentAvatarsAsync(form, request.Avatars, cancellationToken).ConfigureAwait(false);
        if (request.DefaultVoice is { } voice)
        {
            form.AddText("agent[default_user_voice_attributes][source]", voice.Source.Value);
            form.AddText("agent[default_user_voice_attributes][voice_id]", voice.VoiceId);
        }

        return form.Build(request.UploadProgress);
    }

    private static void AddAgentFields(FormBuilder form, string? name, string? description, string? timeZone, string? elevenLabs, string? humeAi)
    {
        form.AddText("agent[name]", name);
        form.AddText("agent[description]", description);
        form.AddText("agent[time_zone]", timeZone);
        form.AddText("agent[eleven_lab_api_key]", elevenLabs);
        form.AddText("agent[hume_ai_api_key]", humeAi);
    }

    private static async Task AddAgentAvatarsAsync(FormBuilder form, IList<AvatarUpload> avatars, CancellationToken cancellationToken)
    {
        for (var i = 0; i < avatars.Count; i++)
        {
            var avatar = avatars[i];
            var prefix = AgentAvatars + "[" + Text(i) + "]";
            if (avatar.Image is { } image)
            {
                await form.AddImageAsync(prefix + "[file]", image, "request", cancellationToken).ConfigureAwait(false);
            }
            else
            {
                form.AddText(prefix + "[degod_avatar_id]", Text(avatar.DeGodAvatarId!.Value));
            }

            if (avatar.IsPrimary)
            {
                form.AddText(prefix + "[is_primary]", "true");
            }
        }
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
