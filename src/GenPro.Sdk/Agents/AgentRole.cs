using System.Text.Json.Serialization;
using GenPro.Sdk.Serialization;

namespace GenPro.Sdk;

/// <summary>
/// The caller's role on an agent. An open set: values the API adds later are kept as they come,
/// so compare with the known values below rather than switching over an enum.
/// </summary>
[JsonConverter(typeof(StringValueConverter<AgentRole>))]
public readonly struct AgentRole : IEquatable<AgentRole>, IStringValue<AgentRole>
{
    /// <summary>Creates a role from its wire value.</summary>
    /// <param name="value">The value the API uses, such as <c>owner</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public AgentRole(string value) => Value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>Owns the agent.</summary>
    public static AgentRole Owner { get; } = new("owner");

    /// <summary>Manages the agent.</summary>
    public static AgentRole Manager { get; } = new("manager");

    /// <summary>May edit the agent.</summary>
    public static AgentRole Editor { get; } = new("editor");

    /// <summary>The wire value, such as <c>owner</c>; null only for <c>default(AgentRole)</c>.</summary>
    public string? Value { get; }

    static AgentRole IStringValue<AgentRole>.Create(string value) => new(value);

    /// <summary>Compares two roles by their wire value (ordinal, case-insensitive).</summary>
    public static bool operator ==(AgentRole left, AgentRole right) => left.Equals(right);

    /// <summary>Compares two roles by their wire value (ordinal, case-insensitive).</summary>
    public static bool operator !=(AgentRole left, AgentRole right) => !left.Equals(right);

    /// <summary>Converts a wire value to a role.</summary>
    public static implicit operator AgentRole(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(AgentRole other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is AgentRole other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <summary>Returns the wire value.</summary>
    public override string ToString() => Value ?? string.Empty;
}
