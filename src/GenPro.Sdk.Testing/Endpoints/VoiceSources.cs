namespace GenPro.Sdk.Testing.Endpoints;

/// <summary>The documented values of <c>default_user_voice_attributes[source]</c>.</summary>
internal static class VoiceSources
{
    public const string ElevenLabs = "eleven_labs";
    public const string HumeAi = "hume_ai";
    public const string UserVoiceResource = "user_voice_resource";

    public static bool IsKnown(string source) => source is ElevenLabs or HumeAi or UserVoiceResource;
}
