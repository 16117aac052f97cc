using System.Globalization;
using System.Text;
using GenPro.Sdk.Internal;

namespace GenPro.Sdk;

/// <summary>What <see cref="IAgentsClient.CreateAsync(CreateAgentRequest, CancellationToken)"/> sends. Only <see cref="Name"/> is required.</summary>
public sealed class CreateAgentRequest
{
    /// <summary>The agent's name, unique within its workspace.</summary>
    public required string Name { get; init; }

    /// <summary>What the agent is for.</summary>
    public string? Description { get; init; }

    /// <summary>An IANA time zone id, such as <c>America/New_York</c>.</summary>
    public string? TimeZone { get; init; }

    /// <summary>The workspace to create the agent in (needs <c>manage_agents</c>); null creates a personal agent.</summary>
    public long? OrganizationId { get; init; }

    /// <summary>An ElevenLabs API key for the agent's voices. A secret: never printed by <see cref="ToString"/>.</summary>
    public string? ElevenLabsApiKey { get; init; }

    /// <summary>A Hume AI API key for the agent's voices. A secret: never printed by <see cref="ToString"/>.</summary>
    public string? HumeAiApiKey { get; init; }

    /// <summary>Avatars to create the agent with.</summary>
    public IList<AvatarUpload> Avatars { get; } = new List<AvatarUpload>();

    /// <summary>
    /// Reports upload progress: after each write to the connection, the number of bytes of the request body written so
    /// far, ending at the body's full length (its <c>Content-Length</c> when known). Bytes are counted as they leave
    /// the SDK for the connection, never as they are read or buffered. A resend (a retry) reports from 0 again. Null
    /// (the default) reports nothing. <see cref="Progress{T}"/> posts reports to the caller's synchronization context.
    /// If <see cref="IProgress{T}.Report"/> throws, the call ends with that exception, not retried.
    /// </summary>
    public IProgress<long>? UploadProgress { get; init; }

    /// <summary>Describes the request with the provider keys redacted.</summary>
    /// <returns>A description safe to log.</returns>
    public override string ToString() => new StringBuilder("CreateAgentRequest { Name = ").Append(Name)
        .Append(", Description = ").Append(Description)
        .Append(", TimeZone = ").Append(TimeZone)
        .Append(", OrganizationId = ").Append(OrganizationId?.ToString(CultureInfo.InvariantCulture))
        .Append(", ElevenLabsApiKey = ").Append(RequestText.Redact(ElevenLabsApiKey))
        .Append(", HumeAiApiKey = ").Append(RequestText.Redact(HumeAiApiKey))
        .Append(", Avatars = ").Append(Avatars.Count)
        .Append(" }").ToString();
}
