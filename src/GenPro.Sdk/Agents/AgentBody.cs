using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;
using GenPro.Sdk.Avatars.Images;
using GenPro.Sdk.Bodies;
using GenPro.Sdk.Serialization;

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
/// <para>
/// It is the <c>[Body]</c> of <see cref="IAgentsApi"/>'s create and update: Refit hands it to
/// <see cref="GenProContentSerializer"/>, which writes the fields as JSON through <see cref="AgentBodyConverter"/> (the
/// JSON context's converter), or sends the form built here, images opened and checked, before the call started.
/// </para>
/// </summary>
[JsonConverter(typeof(AgentBodyConverter))]
internal sealed class AgentBody : IDisposable
{
    private const string Avatars = "agent_avatars_attributes";
    private static readonly BodyPlace Agent = new("agent");
    private static readonly BodyPlace Voice = new("agent", "default_user_voice_attributes");
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    private HttpContent? _json;

    private AgentBody(List<BodyField> fields, RequestBody? form, IProgress<long>? progress)
    {
        Fields = fields;
        Form = form;
        Progress = progress;
    }

    /// <summary>The fields, in the order they are written; the JSON converter nests them as their places say.</summary>
    public IReadOnlyList<BodyField> Fields { get; }

    /// <summary>The multipart form, when a file travels; null for a JSON body.</summary>
    public RequestBody? Form { get; }

    private IProgress<long>? Progress { get; }

    /// <summary>Whether the body reads a caller's stream that cannot be rewound, and so must never be sent twice.</summary>
    public bool NonReplayable => Form?.NonReplayable ?? false;

    /// <summary>
    /// The content the request carries: the form, or the fields written as JSON up front (bodies are small, a
    /// <c>Content-Length</c> beats chunked encoding, and a retry sends the same bytes again).
    /// </summary>
    public HttpContent ToContent()
    {
        if (Form is { } form)
        {
            return form.Content;
        }

        var json = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(this, GenProJsonContext.Default.AgentBody));
        json.Headers.ContentType = Json;
        _json = Progress is null ? json : new ProgressContent(json, Progress);
        return _json;
    }

    public void Dispose()
    {
        Form?.Dispose();
        _json?.Dispose();
    }

    public static ValueTask<AgentBody> ForCreateAsync(CreateAgentRequest request, CancellationToken cancellationToken)
    {
        var fields = new List<BodyField>(Capacity(request.Avatars));
        if (request.OrganizationId is { } organizationId)
        {
            fields.Add(new("organization_id", organizationId));
        }

        AddAgent(fields, request.Name, request.Description, request.TimeZone, request.ElevenLabsApiKey, request.HumeAiApiKey, request.Avatars, voice: null);
        return BuildAsync(fields, request.UploadProgress, cancellationToken);
    }

    public static ValueTask<AgentBody> ForUpdateAsync(UpdateAgentRequest request, CancellationToken cancellationToken)
    {
        var fields = new List<BodyField>(Capacity(request.Avatars));
        AddAgent(fields, request.Name, request.Description, request.TimeZone, request.ElevenLabsApiKey, request.HumeAiApiKey, request.Avatars, request.DefaultVoice);
        return BuildAsync(fields, request.UploadProgress, cancellationToken);
    }

    /// <summary>Room for every field a body can have: organization, five texts, two per avatar, two of the voice.</summary>
    private static int Capacity(IList<AvatarUpload> avatars) => 8 + (2 * avatars.Count);

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
            var item = new BodyPlace(Agent.Parent, Avatars, i);
            fields.Add(avatar.Image is { } image ? new("file", image, item) : new("degod_avatar_id", avatar.DeGodAvatarId!.Value, item));
            if (avatar.IsPrimary)
            {
                fields.Add(new("is_primary", true, item));
            }
        }

        if (voice is not null)
        {
            fields.Add(new("source", voice.Source.Value!, Voice));
            fields.Add(new("voice_id", voice.VoiceId, Voice));
        }
    }

    private static void AddText(List<BodyField> fields, string name, string? value)
    {
        if (value is not null)
        {
            fields.Add(new(name, value, Agent));
        }
    }

    /// <summary>JSON unless a file travels; a form has its images opened and checked here, before anything is sent.</summary>
    private static ValueTask<AgentBody> BuildAsync(List<BodyField> fields, IProgress<long>? progress, CancellationToken cancellationToken) =>
        fields.Exists(static f => f.Value is ImageSource)
            ? FormAsync(fields, progress, cancellationToken)
            : ValueTask.FromResult(new AgentBody(fields, form: null, progress));

    private static async ValueTask<AgentBody> FormAsync(List<BodyField> fields, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        using var form = new FormBuilder();
        foreach (var field in fields)
        {
            await form.AddAsync(field, "request", cancellationToken).ConfigureAwait(false);
        }

        return new AgentBody(fields, form.Build(progress), progress);
    }
}
