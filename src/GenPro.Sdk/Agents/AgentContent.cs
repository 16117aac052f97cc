using System.Net.Http.Headers;
using System.Text.Json;
using GenPro.Sdk.Agents.Wire;
using GenPro.Sdk.Serialization;

namespace GenPro.Sdk.Agents;

/// <summary>
/// Builds create and update bodies. JSON is serialized to bytes up front: bodies are small, a
/// <c>Content-Length</c> beats chunked encoding, and a retry can send the same bytes again.
/// </summary>
internal static class AgentContent
{
    public static HttpContent ForCreate(CreateAgentRequest request) =>
        JsonBytes(JsonSerializer.SerializeToUtf8Bytes(
            new CreateAgentBody
            {
                OrganizationId = request.OrganizationId,
                Agent = Fields(request.Name, request.Description, request.TimeZone, request.ElevenLabsApiKey, request.HumeAiApiKey, request.Avatars, voice: null),
            },
            GenProJsonContext.Default.CreateAgentBody));

    public static HttpContent ForUpdate(UpdateAgentRequest request) =>
        JsonBytes(JsonSerializer.SerializeToUtf8Bytes(
            new UpdateAgentBody
            {
                Agent = Fields(request.Name, request.Description, request.TimeZone, request.ElevenLabsApiKey, request.HumeAiApiKey, request.Avatars, request.DefaultVoice),
            },
            GenProJsonContext.Default.UpdateAgentBody));

    /// <summary>The <c>agent</c> object both bodies share; null values are left out when serialized.</summary>
    private static AgentFields Fields(
        string? name,
        string? description,
        string? timeZone,
        string? elevenLabsApiKey,
        string? humeAiApiKey,
        IList<AvatarUpload> avatars,
        DefaultVoiceSelection? voice) => new()
        {
            Name = name,
            Description = description,
            TimeZone = timeZone,
            ElevenLabApiKey = elevenLabsApiKey,
            HumeAiApiKey = humeAiApiKey,
            AgentAvatarsAttributes = AvatarAttributes(avatars),
            DefaultUserVoiceAttributes = voice is null ? null : new VoiceAttributes { Source = voice.Source.Value!, VoiceId = voice.VoiceId },
        };

    private static List<AvatarAttributes>? AvatarAttributes(IList<AvatarUpload> avatars)
    {
        if (avatars.Count == 0)
        {
            return null;
        }

        var list = new List<AvatarAttributes>(avatars.Count);
        foreach (var avatar in avatars)
        {
            list.Add(new AvatarAttributes { DegodAvatarId = avatar.DeGodAvatarId, IsPrimary = avatar.IsPrimary ? true : null });
        }

        return list;
    }

    private static ByteArrayContent JsonBytes(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }
}
