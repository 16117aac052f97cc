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
                Agent = new AgentFields
                {
                    Name = request.Name,
                    Description = request.Description,
                    TimeZone = request.TimeZone,
                    ElevenLabApiKey = request.ElevenLabsApiKey,
                    HumeAiApiKey = request.HumeAiApiKey,
                    AgentAvatarsAttributes = AvatarAttributes(request.Avatars),
                },
            },
            GenProJsonContext.Default.CreateAgentBody));

    public static HttpContent ForUpdate(UpdateAgentRequest request) =>
        JsonBytes(JsonSerializer.SerializeToUtf8Bytes(
            new UpdateAgentBody
            {
                Agent = new AgentFields
                {
                    Name = request.Name,
                    Description = request.Description,
                    TimeZone = request.TimeZone,
                    ElevenLabApiKey = request.ElevenLabsApiKey,
                    HumeAiApiKey = request.HumeAiApiKey,
                    AgentAvatarsAttributes = AvatarAttributes(request.Avatars),
                    DefaultUserVoiceAttributes = request.DefaultVoice is { } voice
                        ? new VoiceAttributes { Source = voice.Source.Value!, VoiceId = voice.VoiceId }
                        : null,
                },
            },
            GenProJsonContext.Default.UpdateAgentBody));

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
