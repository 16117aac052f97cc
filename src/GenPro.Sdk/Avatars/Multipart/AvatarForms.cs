using System.Globalization;

namespace GenPro.Sdk.Avatars.Multipart;

/// <summary>
/// The multipart bodies that carry avatars: upload, and agent create and update when a file travels.
/// <para>
/// Rack parses <c>a[][k]=v</c> by adding <c>k</c> to the last object of <c>a</c> unless that object already has
/// <c>k</c>, in which case a new object starts. So consecutive objects stay apart only if each one's first key is
/// already in the object before it. Upload objects have one key each (<c>file</c> or <c>degod_avatar_id</c>):
/// a run of one kind parses right, but any switch of kind would merge two objects, and the upload endpoint documents
/// no other key to separate them with. So an upload sends one request per kind. Agent create and update accept
/// <c>is_primary</c>: when the avatars mix kinds or one is primary, every object starts with <c>is_primary</c>, which
/// always opens a new object, followed by its <c>file</c> or <c>degod_avatar_id</c>.
/// </para>
/// </summary>
internal static class AvatarForms
{
    public const string UploadFile = "agent_avatars_attributes[][file]";
    public const string UploadDeGod = "agent_avatars_attributes[][degod_avatar_id]";
    private const string AgentAvatars = "agent[agent_avatars_attributes][]";

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
    public static async Task<RequestBody> ForUploadAsync(IReadOnlyList<AvatarUpload> uploads, string paramName, CancellationToken cancellationToken)
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

        return form.Build();
    }

    public static async Task<RequestBody> ForCreateAsync(CreateAgentRequest request, CancellationToken cancellationToken)
    {
        using var form = new FormBuilder();
        form.AddText("organization_id", request.OrganizationId is { } id ? Text(id) : null);
        AddAgentFields(form, request.Name, request.Description, request.TimeZone, request.ElevenLabsApiKey, request.HumeAiApiKey);
        await AddAgentAvatarsAsync(form, request.Avatars, cancellationToken).ConfigureAwait(false);
        return form.Build();
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

        return form.Build();
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
        var separate = NeedsSeparator(avatars);
        foreach (var avatar in avatars)
        {
            if (separate)
            {
                form.AddText(AgentAvatars + "[is_primary]", avatar.IsPrimary ? "true" : "false");
            }

            if (avatar.Image is { } image)
            {
                await form.AddImageAsync(AgentAvatars + "[file]", image, "request", cancellationToken).ConfigureAwait(false);
            }
            else
            {
                form.AddText(AgentAvatars + "[degod_avatar_id]", Text(avatar.DeGodAvatarId!.Value));
            }
        }
    }

    /// <summary>Whether objects need a leading <c>is_primary</c>: a change of kind, or a primary to mark, would otherwise merge objects.</summary>
    private static bool NeedsSeparator(IList<AvatarUpload> avatars)
    {
        var images = 0;
        foreach (var avatar in avatars)
        {
            if (avatar.IsPrimary)
            {
                return true;
            }

            images += avatar.Image is null ? 0 : 1;
        }

        return images != 0 && images != avatars.Count;
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
