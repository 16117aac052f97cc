using System.Text.Json.Serialization;
using GenPro.Sdk.Serialization;

namespace GenPro.Sdk;

/// <summary>
/// The provider a voice comes from. An open set: values the API adds later are kept as they come,
/// so compare with the known values below rather than switching over an enum.
/// </summary>
[JsonConverter(typeof(StringValueConverter<VoiceSource>))]
public readonly struct VoiceSource : IEquatable<VoiceSource>, IStringValue<VoiceSource>
{
    /// <summary>Creates a voice source from its wire value.</summary>
    /// <param name="value">The value the API uses, such as <c>eleven_labs</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public VoiceSource(string value) => Value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>An ElevenLabs voice.</summary>
    public static VoiceSource ElevenLabs { get; } = new("eleven_labs");

    /// <summary>A Hume AI voice.</summary>
    public static VoiceSource HumeAi { get; } = new("hume_ai");

    /// <summary>A voice resource the user created in GEN.</summary>
    public static VoiceSource UserVoiceResource { get; } = new("user_voice_resource");

    /// <summary>The wire value, such as <c>eleven_labs</c>; null only for <c>default(VoiceSource)</c>.</summary>
    public string? Value { get; }

    static VoiceSource IStringValue<VoiceSource>.Create(string value) => new(value);

    /// <summary>Compares two sources by their wire value (ordinal, case-insensitive).</summary>
    public static bool operator ==(VoiceSource left, VoiceSource right) => left.Equals(right);

    /// <summary>Compares two sources by their wire value (ordinal, case-insensitive).</summary>
    public static bool operator !=(VoiceSource left, VoiceSource right) => !left.Equals(right);

    /// <summary>Converts a wire value to a voice source.</summary>
    public static implicit operator VoiceSource(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(VoiceSource other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is VoiceSource other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <summary>Returns the wire value.</summary>
    public override string ToString() => Value ?? string.Empty;
}
