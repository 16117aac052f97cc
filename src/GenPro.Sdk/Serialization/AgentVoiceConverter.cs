using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GenPro.Sdk.Serialization;

/// <summary>
/// Reads both documented shapes of <c>default_user_voice</c> into one <see cref="AgentVoice"/>; ids may be strings
/// or numbers (user voice resources have numeric ids). Hand-written because the two shapes name the same
/// facts differently, which attributes cannot express.
/// </summary>
internal sealed class AgentVoiceConverter : JsonConverter<AgentVoice>
{
    public override AgentVoice? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected an object for default_user_voice, found {reader.TokenType}.");
        }

        string? voiceId = null, name = null, gender = null, language = null, source = null;
        Uri? url = null;
        Dictionary<string, JsonElement>? extra = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            // Known names are matched on the UTF-8 bytes: only an unknown name becomes a string (its dictionary key).
            var known = Known(ref reader);
            var property = known is null ? reader.GetString()! : null;
            reader.Read();
            switch (known)
            {
                case "id" or "voice_id": voiceId = ReadScalar(ref reader) ?? voiceId; break;
                case "provider" or "source": source = ReadScalar(ref reader) ?? source; break;
                case "name": name = ReadScalar(ref reader); break;
                case "gender": gender = ReadScalar(ref reader); break;
                case "language": language = ReadScalar(ref reader); break;
                case "url":
                    var text = ReadScalar(ref reader);
                    url = text is not null && Uri.TryCreate(text, UriKind.RelativeOrAbsolute, out var u) ? u : null;
                    break;
                default:
                    extra ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal);
                    extra[property!] = JsonElement.ParseValue(ref reader);
                    break;
            }
        }

        return new AgentVoice
        {
            VoiceId = voiceId,
            Source = source is null ? default(VoiceSource?) : new VoiceSource(source),
            Name = name,
            Gender = gender,
            Language = language,
            PreviewUrl = url,
            AdditionalProperties = (IReadOnlyDictionary<string, JsonElement>?)extra ?? System.Collections.ObjectModel.ReadOnlyDictionary<string, JsonElement>.Empty,
        };
    }

    public override void Write(Utf8JsonWriter writer, AgentVoice value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        WriteIfSet(writer, "voice_id", value.VoiceId);
        WriteIfSet(writer, "source", value.Source?.Value);
        WriteIfSet(writer, "name", value.Name);
        WriteIfSet(writer, "gender", value.Gender);
        WriteIfSet(writer, "language", value.Language);
        WriteIfSet(writer, "url", value.PreviewUrl?.OriginalString);
        foreach (var (key, element) in value.AdditionalProperties)
        {
            writer.WritePropertyName(key);
            element.WriteTo(writer);
        }

        writer.WriteEndObject();
    }

    /// <summary>The property name under the reader as one of the interned names above, or null when it is none of them.</summary>
    private static string? Known(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("id"u8) ? "id"
        : reader.ValueTextEquals("voice_id"u8) ? "voice_id"
        : reader.ValueTextEquals("provider"u8) ? "provider"
        : reader.ValueTextEquals("source"u8) ? "source"
        : reader.ValueTextEquals("name"u8) ? "name"
        : reader.ValueTextEquals("gender"u8) ? "gender"
        : reader.ValueTextEquals("language"u8) ? "language"
        : reader.ValueTextEquals("url"u8) ? "url"
        : null;

    /// <summary>A string, a number (as its text) or null; anything else is a malformed voice.</summary>
    private static string? ReadScalar(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan),
        JsonTokenType.Null => null,
        _ => throw new JsonException($"Unexpected {reader.TokenType} in default_user_voice."),
    };

    private static void WriteIfSet(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
