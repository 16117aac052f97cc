using System.Text.Json;
using System.Text.Json.Serialization;

namespace GenPro.Sdk.Serialization;

/// <summary>Implemented by the extensible string-backed value types so one converter serves them all.</summary>
internal interface IStringValue<TSelf> where TSelf : struct, IStringValue<TSelf>
{
    static abstract TSelf Create(string value);

    string? Value { get; }
}

/// <summary>Reads and writes an extensible string value (<see cref="AgentRole"/>, <see cref="VoiceSource"/>) as a JSON string.</summary>
internal sealed class StringValueConverter<T> : JsonConverter<T> where T : struct, IStringValue<T>
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
            ? T.Create(reader.GetString()!)
            : throw new JsonException($"Expected a string for {typeof(T).Name}, found {reader.TokenType}.");

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Value);
}
