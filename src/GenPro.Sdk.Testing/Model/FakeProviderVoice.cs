namespace GenPro.Sdk.Testing;

/// <summary>
/// A voice at ElevenLabs or Hume AI as the fake describes it in <c>default_user_voice</c> once an agent selects it with
/// <c>default_user_voice_attributes: {source, voice_id}</c>. Seed one with <see cref="FakeGenProApi.AddProviderVoice"/>;
/// a voice that was not seeded is described by <see cref="FakeGenProApi.DescribeProviderVoice"/>'s defaults.
/// </summary>
/// <param name="Source">The provider: <see cref="VoiceSource.ElevenLabs"/> or <see cref="VoiceSource.HumeAi"/>.</param>
/// <param name="VoiceId">The voice's id at the provider, returned as <c>id</c>.</param>
/// <param name="Name">The voice's display name.</param>
/// <param name="Gender">The voice's gender, such as <c>female</c>.</param>
/// <param name="Language">The voice's language, such as <c>English</c>.</param>
/// <param name="PreviewUrl">A preview recording, returned as <c>url</c>.</param>
public sealed record FakeProviderVoice(VoiceSource Source, string VoiceId, string Name, string Gender, string Language, Uri PreviewUrl);
