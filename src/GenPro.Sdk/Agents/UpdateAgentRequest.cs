using System.Text;
using GenPro.Sdk.Internal;

namespace GenPro.Sdk;

/// <summary>
/// What <see cref="IAgentsClient.UpdateAsync(long, UpdateAgentRequest, CancellationToken)"/> changes. Every property is optional and only the ones set (non-null,
/// or a non-empty <see cref="Avatars"/>) are sent; set a text field to an empty string to clear it.
/// </summary>
public sealed class UpdateAgentRequest
{
    /// <summary>A new name, unique within the workspace.</summary>
    public string? Name { get; init; }

    /// <summary>A new description.</summary>
    public string? Description { get; init; }

    /// <summary>A new IANA time zone id.</summary>
    public string? TimeZone { get; init; }

    /// <summary>A new ElevenLabs API key. A secret: never printed by <see cref="ToString"/>.</summary>
    public string? ElevenLabsApiKey { get; init; }

    /// <summary>A new Hume AI API key. A secret: never printed by <see cref="ToString"/>.</summary>
    public string? HumeAiApiKey { get; init; }

    /// <summary>The voice to make the agent's default.</summary>
    public DefaultVoiceSelection? DefaultVoice { get; init; }

    /// <summary>
    /// Avatars to add. Sending any resets the primary avatar, so mark the one that should be primary with
    /// <see cref="AvatarUpload.AsPrimary"/>.
    /// </summary>
    public IList<AvatarUpload> Avatars { get; } = new List<AvatarUpload>();

    /// <summary>
    /// Reports upload progress: after each write to the connection, the number of bytes of the request body written so
    /// far, ending at the body's full length (its <c>Content-Length</c> when known). Bytes are counted as they leave
    /// the SDK for the connection, never as they are read or buffered. A resend (a retry) reports from 0 again. Null
    /// (the default) reports nothing. <see cref="Progress{T}"/> posts reports to the caller's synchronization context.
    /// If <see cref="IProgress{T}.Report"/> throws, the call ends with that exception, not retried.
    /// </summary>
    public IProgress<long>? UploadProgress { get; init; }

    internal bool HasChanges =>
        Name is not null || Description is not null || TimeZone is not null || ElevenLabsApiKey is not null
        || HumeAiApiKey is not null || DefaultVoice is not null || Avatars.Count > 0;

    /// <summary>Describes the request with the provider keys redacted.</summary>
    /// <returns>A description safe to log.</returns>
    public override string ToString() => new StringBuilder("UpdateAgentRequest { Name = ").Append(Name)
        .Append(", Description = ").Append(Description)
        .Append(", TimeZone = ").Append(TimeZone)
        .Append(", ElevenLabsApiKey = ").Append(RequestText.Redact(ElevenLabsApiKey))
        .Append(", HumeAiApiKey = ").Append(RequestText.Redact(HumeAiApiKey))
        .Append(", DefaultVoice = ").Append(DefaultVoice)
        .Append(", Avatars = ").Append(Avatars.Count)
        .Append(" }").ToString();
}
