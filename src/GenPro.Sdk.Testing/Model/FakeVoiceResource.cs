namespace GenPro.Sdk.Testing;

/// <summary>A voice resource created in GEN, selectable with source <c>user_voice_resource</c> and its id as <c>voice_id</c>.</summary>
/// <param name="Id">The resource id.</param>
/// <param name="Name">The voice's display name.</param>
/// <param name="Gender">The voice's gender; <c>neutral</c> when it was not seeded.</param>
/// <param name="Language">The voice's language; <c>English</c> when it was not seeded.</param>
/// <param name="Provider">Where the voice is hosted, such as <c>eleven_labs</c>.</param>
/// <param name="PreviewUrl">A preview recording, returned as <c>url</c>; <c>https://cdn.gen.pro/voices/{Id}/preview.mp3</c> when it was not seeded.</param>
public sealed record FakeVoiceResource(long Id, string Name, string Gender, string Language, string Provider, Uri PreviewUrl);
