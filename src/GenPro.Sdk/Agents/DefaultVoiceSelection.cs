using System.Globalization;
using GenPro.Sdk.Internal;

namespace GenPro.Sdk;

/// <summary>The voice to make an agent's default, sent as <c>default_user_voice_attributes</c> on update.</summary>
public sealed record DefaultVoiceSelection
{
    /// <summary>Selects a voice from any source, including ones this SDK version does not name.</summary>
    /// <param name="source">Where the voice comes from.</param>
    /// <param name="voiceId">The voice's id at that source.</param>
    /// <exception cref="ArgumentException"><paramref name="voiceId"/> is blank, or <paramref name="source"/> is unset, or either holds a lone UTF-16 surrogate.</exception>
    public DefaultVoiceSelection(VoiceSource source, string voiceId)
    {
        Guard.NotBlank(source.Value, nameof(source), "The voice source");
        Guard.NotBlank(voiceId, nameof(voiceId), "The voice id");
        Guard.WellFormed(source.Value, nameof(source), "The voice source");
        Guard.WellFormed(voiceId, nameof(voiceId), "The voice id");
        Source = source;
        VoiceId = voiceId;
    }

    /// <summary>Where the voice comes from.</summary>
    public VoiceSource Source { get; }

    /// <summary>The voice's id at its source.</summary>
    public string VoiceId { get; }

    /// <summary>An ElevenLabs voice, such as <c>voice_abc123</c>.</summary>
    /// <param name="voiceId">The ElevenLabs voice id.</param>
    /// <returns>The selection.</returns>
    public static DefaultVoiceSelection ElevenLabs(string voiceId) => new(VoiceSource.ElevenLabs, voiceId);

    /// <summary>A Hume AI voice.</summary>
    /// <param name="voiceId">The Hume AI voice id.</param>
    /// <returns>The selection.</returns>
    public static DefaultVoiceSelection HumeAi(string voiceId) => new(VoiceSource.HumeAi, voiceId);

    /// <summary>A voice resource created in GEN.</summary>
    /// <param name="voiceId">The voice resource's id.</param>
    /// <returns>The selection.</returns>
    public static DefaultVoiceSelection UserVoiceResource(string voiceId) => new(VoiceSource.UserVoiceResource, voiceId);

    /// <summary>A voice resource created in GEN, by its numeric id.</summary>
    /// <param name="voiceResourceId">The voice resource's id.</param>
    /// <returns>The selection.</returns>
    public static DefaultVoiceSelection UserVoiceResource(long voiceResourceId)
    {
        Guard.Id(voiceResourceId, nameof(voiceResourceId));
        return new(VoiceSource.UserVoiceResource, voiceResourceId.ToString(CultureInfo.InvariantCulture));
    }
}
