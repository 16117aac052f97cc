using System.Globalization;

namespace GenPro.Sdk.Testing.State;

/// <summary>
/// What the fake says about a voice in <c>default_user_voice</c>. The API sends every field of that object as a string
/// (the reference page's example and the OpenAPI schema), so a voice nobody seeded gets stand-in values instead of
/// nulls: fixed, derived only from the source and id, and listed in the Testing README.
/// </summary>
internal static class VoiceCatalog
{
    public const string DefaultGender = "neutral";
    public const string DefaultLanguage = "English";

    /// <summary>ElevenLabs or Hume AI in its canonical wire spelling; null for any other source.</summary>
    public static VoiceSource? Provider(VoiceSource source) =>
        source == VoiceSource.ElevenLabs ? VoiceSource.ElevenLabs
        : source == VoiceSource.HumeAi ? VoiceSource.HumeAi
        : (VoiceSource?)null;

    /// <summary>The stand-in description of a provider voice nobody seeded.</summary>
    public static FakeProviderVoice Unseeded(VoiceSource provider, string voiceId) => new(
        provider,
        voiceId,
        DefaultName(provider, voiceId),
        DefaultGender,
        DefaultLanguage,
        DefaultPreviewUrl(provider, voiceId));

    public static string DefaultName(VoiceSource provider, string voiceId) =>
        (provider == VoiceSource.HumeAi ? "Hume AI voice " : "ElevenLabs voice ") + voiceId;

    /// <summary>
    /// ElevenLabs: the reference page's own example shape (<c>https://api.elevenlabs.io/v1/previews/voice_abc123.mp3</c>);
    /// Hume AI, for which the vendor shows none: the same shape on Hume's API host. The fake does not serve either.
    /// </summary>
    public static Uri DefaultPreviewUrl(VoiceSource provider, string voiceId) => new(
        (provider == VoiceSource.HumeAi ? "https://api.hume.ai/v0/tts/voices/" + Uri.EscapeDataString(voiceId) + "/preview"
                                        : "https://api.elevenlabs.io/v1/previews/" + Uri.EscapeDataString(voiceId)) + ".mp3");

    /// <summary>A voice resource's preview when none was seeded, on the fake's CDN address.</summary>
    public static Uri DefaultResourcePreviewUrl(long resourceId) =>
        new(AvatarEntity.CdnRoot, string.Create(CultureInfo.InvariantCulture, $"voices/{resourceId}/preview.mp3"));
}
