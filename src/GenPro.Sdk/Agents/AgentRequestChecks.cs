using GenPro.Sdk.Internal;

namespace GenPro.Sdk.Agents;

/// <summary>The client-side checks of create and update requests: what the API would refuse, refused before sending.</summary>
internal static class AgentRequestChecks
{
    public static void Validate(CreateAgentRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        Guard.NotBlank(request.Name, nameof(request), "CreateAgentRequest.Name");
        Guard.NullOrNotBlank(request.TimeZone, nameof(request), "CreateAgentRequest.TimeZone");
        Guard.NullOrNotBlank(request.ElevenLabsApiKey, nameof(request), "CreateAgentRequest.ElevenLabsApiKey");
        Guard.NullOrNotBlank(request.HumeAiApiKey, nameof(request), "CreateAgentRequest.HumeAiApiKey");
        if (request.OrganizationId is { } organizationId)
        {
            Guard.Id(organizationId, "request.OrganizationId");
        }

        WellFormed(nameof(request), "CreateAgentRequest", request.Name, request.Description, request.TimeZone, request.ElevenLabsApiKey, request.HumeAiApiKey, null);
        ValidateAvatars(request.Avatars, nameof(request), "CreateAgentRequest.Avatars");
    }

    public static void Validate(UpdateAgentRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.HasChanges)
        {
            throw new ArgumentException("UpdateAgentRequest changes nothing: set at least one property.", nameof(request));
        }

        Guard.NullOrNotBlank(request.Name, nameof(request), "UpdateAgentRequest.Name");
        Guard.NullOrNotBlank(request.TimeZone, nameof(request), "UpdateAgentRequest.TimeZone");
        Guard.NullOrNotBlank(request.ElevenLabsApiKey, nameof(request), "UpdateAgentRequest.ElevenLabsApiKey");
        Guard.NullOrNotBlank(request.HumeAiApiKey, nameof(request), "UpdateAgentRequest.HumeAiApiKey");
        WellFormed(nameof(request), "UpdateAgentRequest", request.Name, request.Description, request.TimeZone, request.ElevenLabsApiKey, request.HumeAiApiKey, request.DefaultVoice);
        ValidateAvatars(request.Avatars, nameof(request), "UpdateAgentRequest.Avatars");
        var primaries = 0;
        foreach (var avatar in request.Avatars)
        {
            primaries += avatar.IsPrimary ? 1 : 0;
        }

        if (primaries > 1)
        {
            throw new ArgumentException("UpdateAgentRequest.Avatars marks more than one avatar primary.", nameof(request));
        }
    }

    /// <summary>Every text field of a create or update is sent as UTF-8: a lone surrogate in any of them is refused, naming the property.</summary>
    private static void WellFormed(
        string paramName, string type, string? name, string? description, string? timeZone, string? elevenLabsKey, string? humeKey, DefaultVoiceSelection? voice)
    {
        Guard.WellFormed(name, paramName, type, "Name");
        Guard.WellFormed(description, paramName, type, "Description");
        Guard.WellFormed(timeZone, paramName, type, "TimeZone");
        Guard.WellFormed(elevenLabsKey, paramName, type, "ElevenLabsApiKey");
        Guard.WellFormed(humeKey, paramName, type, "HumeAiApiKey");
        Guard.WellFormed(voice?.Source.Value, paramName, type, "DefaultVoice.Source");
        Guard.WellFormed(voice?.VoiceId, paramName, type, "DefaultVoice.VoiceId");
    }

    private static void ValidateAvatars(IList<AvatarUpload> avatars, string paramName, string what)
    {
        foreach (var avatar in avatars)
        {
            if (avatar is null)
            {
                throw new ArgumentException($"{what} contains null.", paramName);
            }
        }
    }
}
