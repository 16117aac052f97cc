using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using GenPro.Sdk.Internal;

namespace GenPro.Sdk;

/// <summary>An agent as the list endpoint returns it. Every field but <see cref="Id"/> and <see cref="Name"/> may be absent.</summary>
public sealed record AgentSummary
{
    /// <summary>The agent's id.</summary>
    [JsonRequired]
    public long Id { get; init; }

    /// <summary>The agent's name, unique within its workspace.</summary>
    [JsonRequired]
    public string Name { get; init; } = string.Empty;

    /// <summary>What the agent is for.</summary>
    public string? Description { get; init; }

    /// <summary>The thumbnail of the agent's primary avatar.</summary>
    public Uri? PrimaryAvatarUrl { get; init; }

    /// <summary>The caller's role on the agent.</summary>
    public AgentRole? Role { get; init; }

    /// <summary>The name of the workspace (organization) the agent belongs to.</summary>
    public string? Organization { get; init; }

    /// <summary>The workspace id, which some API versions return instead of <see cref="Organization"/>.</summary>
    public long? WorkspaceId { get; init; }

    /// <summary>The agent's IANA time zone, such as <c>America/New_York</c>.</summary>
    public string? TimeZone { get; init; }

    /// <summary>Whether a TikTok integration is set up.</summary>
    public bool? TiktokIntegration { get; init; }

    /// <summary>Whether a TikTok social account is linked.</summary>
    public bool? TiktokSocialAccount { get; init; }

    /// <summary>Whether the agent uses DeGods avatars.</summary>
    [JsonPropertyName("degods")]
    public bool? DeGods { get; init; }

    /// <summary>The users the agent is shared with, as the API returns them (their shape is not documented).</summary>
    public IReadOnlyList<JsonElement>? SharedUsers { get; init; }

    /// <summary>The agent's default voice, or null when none is set.</summary>
    public AgentVoice? DefaultUserVoice { get; init; }

    /// <summary>Fields the API returned that this version of the SDK does not model.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement> AdditionalProperties { get; internal set; } = new Dictionary<string, JsonElement>(StringComparer.Ordinal);

    /// <summary>Prints every property; extra fields by name (a record would print their dictionary's type name).</summary>
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"Id = {Id}, Name = {Name}, Description = {Description}, PrimaryAvatarUrl = {PrimaryAvatarUrl}, ")
            .Append(CultureInfo.InvariantCulture, $"Role = {Role}, Organization = {Organization}, WorkspaceId = {WorkspaceId}, TimeZone = {TimeZone}, ")
            .Append(CultureInfo.InvariantCulture, $"TiktokIntegration = {TiktokIntegration}, TiktokSocialAccount = {TiktokSocialAccount}, DeGods = {DeGods}, ")
            .Append("SharedUsers = ").Append(ModelText.Count(SharedUsers))
            .Append(CultureInfo.InvariantCulture, $", DefaultUserVoice = {DefaultUserVoice}, AdditionalProperties = ").Append(ModelText.Keys(AdditionalProperties));
        return true;
    }
}
