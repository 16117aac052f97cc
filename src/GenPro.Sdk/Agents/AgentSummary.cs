using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using GenPro.Sdk.Internal;
using GenPro.Sdk.Serialization;

namespace GenPro.Sdk;

/// <summary>An agent as the list endpoint returns it. Every field but <see cref="Id"/> and <see cref="Name"/> may be absent.</summary>
/// <remarks>
/// JSON reads and writes the internal fields, not the init-only properties: the source generator can set init-only
/// properties only through its constructor path, which boxes every value and allocates an argument array per object
/// (about 200 bytes per summary; see docs/performance.md). The properties are the public face of the same fields.
/// </remarks>
public sealed record AgentSummary
{
    [JsonInclude, JsonRequired, JsonPropertyName("id")]
    internal long WireId;

    [JsonInclude, JsonRequired, JsonPropertyName("name")]
    internal string WireName = string.Empty;

    [JsonInclude, JsonPropertyName("description")]
    internal string? WireDescription;

    [JsonInclude, JsonPropertyName("primary_avatar_url")]
    internal Uri? WirePrimaryAvatarUrl;

    [JsonInclude, JsonPropertyName("role")]
    internal AgentRole? WireRole;

    [JsonInclude, JsonPropertyName("organization")]
    internal string? WireOrganization;

    [JsonInclude, JsonPropertyName("workspace_id")]
    internal long? WireWorkspaceId;

    [JsonInclude, JsonPropertyName("time_zone")]
    internal string? WireTimeZone;

    [JsonInclude, JsonPropertyName("tiktok_integration")]
    internal bool? WireTiktokIntegration;

    [JsonInclude, JsonPropertyName("tiktok_social_account")]
    internal bool? WireTiktokSocialAccount;

    [JsonInclude, JsonPropertyName("degods")]
    internal bool? WireDeGods;

    [JsonInclude, JsonPropertyName("shared_users")]
    internal IReadOnlyList<JsonElement>? WireSharedUsers;

    [JsonInclude, JsonPropertyName("default_user_voice")]
    internal AgentVoice? WireDefaultUserVoice;

    /// <summary>The agent's id.</summary>
    [JsonIgnore]
    public long Id { get => WireId; init => WireId = value; }

    /// <summary>The agent's name, unique within its workspace.</summary>
    [JsonIgnore]
    public string Name { get => WireName; init => WireName = value; }

    /// <summary>What the agent is for.</summary>
    [JsonIgnore]
    public string? Description { get => WireDescription; init => WireDescription = value; }

    /// <summary>The thumbnail of the agent's primary avatar.</summary>
    [JsonIgnore]
    public Uri? PrimaryAvatarUrl { get => WirePrimaryAvatarUrl; init => WirePrimaryAvatarUrl = value; }

    /// <summary>The caller's role on the agent.</summary>
    [JsonIgnore]
    public AgentRole? Role { get => WireRole; init => WireRole = value; }

    /// <summary>The name of the workspace (organization) the agent belongs to.</summary>
    [JsonIgnore]
    public string? Organization { get => WireOrganization; init => WireOrganization = value; }

    /// <summary>The workspace id, which some API versions return instead of <see cref="Organization"/>.</summary>
    [JsonIgnore]
    public long? WorkspaceId { get => WireWorkspaceId; init => WireWorkspaceId = value; }

    /// <summary>The agent's IANA time zone, such as <c>America/New_York</c>.</summary>
    [JsonIgnore]
    public string? TimeZone { get => WireTimeZone; init => WireTimeZone = value; }

    /// <summary>Whether a TikTok integration is set up.</summary>
    [JsonIgnore]
    public bool? TiktokIntegration { get => WireTiktokIntegration; init => WireTiktokIntegration = value; }

    /// <summary>Whether a TikTok social account is linked.</summary>
    [JsonIgnore]
    public bool? TiktokSocialAccount { get => WireTiktokSocialAccount; init => WireTiktokSocialAccount = value; }

    /// <summary>Whether the agent uses DeGods avatars.</summary>
    [JsonIgnore]
    public bool? DeGods { get => WireDeGods; init => WireDeGods = value; }

    /// <summary>The users the agent is shared with, as the API returns them (their shape is not documented).</summary>
    [JsonIgnore]
    public IReadOnlyList<JsonElement>? SharedUsers { get => WireSharedUsers; init => WireSharedUsers = value; }

    /// <summary>The agent's default voice, or null when none is set.</summary>
    [JsonIgnore]
    public AgentVoice? DefaultUserVoice { get => WireDefaultUserVoice; init => WireDefaultUserVoice = value; }

    /// <summary>Fields the API returned that this version of the SDK does not model.</summary>
    [JsonIgnore]
    public IDictionary<string, JsonElement> AdditionalProperties
    {
        get => ExtensionData ?? ExtensionDataBag.Empty;
        internal set => ExtensionData = value;
    }

    /// <summary>What <see cref="AdditionalProperties"/> reads: null until the JSON holds a field the SDK does not model.</summary>
    [JsonExtensionData]
    [JsonInclude]
    internal IDictionary<string, JsonElement>? ExtensionData { get; set; }

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
