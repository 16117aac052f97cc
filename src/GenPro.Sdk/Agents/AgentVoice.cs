using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using GenPro.Sdk.Internal;
using GenPro.Sdk.Serialization;

namespace GenPro.Sdk;

/// <summary>
/// An agent's default voice. The API returns it in two shapes, <c>{"id", "name", "provider", …}</c> from get and
/// <c>{"source", "voice_id"}</c> from update; this one type reads both, so <see cref="VoiceId"/> and
/// <see cref="Source"/> are filled whichever shape arrived.
/// </summary>
[JsonConverter(typeof(AgentVoiceConverter))]
public sealed record AgentVoice
{
    /// <summary>The voice's id at its provider (<c>id</c> or <c>voice_id</c> on the wire).</summary>
    public string? VoiceId { get; init; }

    /// <summary>Where the voice comes from (<c>provider</c> or <c>source</c> on the wire).</summary>
    public VoiceSource? Source { get; init; }

    /// <summary>The voice's display name.</summary>
    public string? Name { get; init; }

    /// <summary>The voice's gender, as the provider describes it.</summary>
    public string? Gender { get; init; }

    /// <summary>The voice's language, such as <c>English</c>.</summary>
    public string? Language { get; init; }

    /// <summary>A preview recording of the voice (<c>url</c> on the wire).</summary>
    public Uri? PreviewUrl { get; init; }

    /// <summary>Fields the API returned that this version of the SDK does not model.</summary>
    public IReadOnlyDictionary<string, JsonElement> AdditionalProperties { get; init; } = System.Collections.ObjectModel.ReadOnlyDictionary<string, JsonElement>.Empty;

    /// <summary>Prints every property; extra fields by name (a record would print their dictionary's type name).</summary>
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"VoiceId = {VoiceId}, Source = {Source}, Name = {Name}, Gender = {Gender}, Language = {Language}, PreviewUrl = {PreviewUrl}, ")
            .Append("AdditionalProperties = ").Append(ModelText.Keys(AdditionalProperties));
        return true;
    }
}
