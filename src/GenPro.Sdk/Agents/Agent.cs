using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using GenPro.Sdk.Internal;
using GenPro.Sdk.Serialization;

namespace GenPro.Sdk;

/// <summary>An agent in full, as the get, create and update endpoints return it.</summary>
/// <remarks>
/// JSON reads and writes the internal fields, not the init-only properties: the source generator can set init-only
/// properties only through its constructor path, which boxes every value and allocates an argument array per object
/// (see docs/performance.md). The properties are the public face of the same fields.
/// Each field is named as its property in lower camel case, and must stay so: .NET 8's source generator still
/// treats the ignored init-only properties as constructor arguments and binds each one to the member whose C# name
/// matches it ignoring case (so on .NET 8 these models still take the constructor path; the .NET 10 generator skips ignored properties).
/// </remarks>
[SuppressMessage("Naming", "CA1708:Identifiers should differ by more than case", Justification = "The fields are internal; .NET 8 binds them to the properties by name ignoring case (remarks).")]
public sealed record Agent
{
    [JsonInclude, JsonPropertyName("id")]
    internal long id;

    [JsonInclude, JsonPropertyName("name")]
    internal string? name;

    [JsonInclude, JsonPropertyName("description")]
    internal string? description;

    [JsonInclude, JsonPropertyName("organization_id")]
    internal long? organizationId;

    [JsonInclude, JsonPropertyName("time_zone")]
    internal string? timeZone;

    [JsonInclude, JsonPropertyName("primary_avatar_id")]
    internal long? primaryAvatarId;

    [JsonInclude, JsonPropertyName("primary_avatar_url")]
    internal ModelUrl? primaryAvatarUrl;

    private UrlCache primaryAvatarUrlParsed;

    [JsonInclude, JsonPropertyName("agent_setup_project_id")]
    internal long? agentSetupProjectId;

    [JsonInclude, JsonPropertyName("role")]
    internal AgentRole? role;

    [JsonInclude, JsonPropertyName("default_user_voice")]
    internal AgentVoice? defaultUserVoice;

    /// <summary>The agent's id.</summary>
    [JsonIgnore]
    public long Id { get => id; init => id = value; }

    /// <summary>The agent's name, unique within its workspace.</summary>
    [JsonIgnore]
    public string Name { get => name ?? string.Empty; init => name = value; }

    /// <summary>What the agent is for.</summary>
    [JsonIgnore]
    public string? Description { get => description; init => description = value; }

    /// <summary>
    /// The id of the workspace the agent belongs to (the API calls workspaces organizations: <c>organization_id</c>); null
    /// for a personal agent. The same id as <see cref="WorkspaceId"/>, <see cref="CreateAgentRequest.OrganizationId"/> and
    /// the <c>workspaceId</c> of <see cref="IAgentsClient.ListAsync(long?, CancellationToken)"/>.
    /// </summary>
    [JsonIgnore]
    public long? OrganizationId { get => organizationId; init => organizationId = value; }

    /// <summary>
    /// The id of the workspace the agent belongs to: <see cref="OrganizationId"/> under the name the rest of the SDK uses
    /// (<c>ListAsync(workspaceId: …)</c>); null for a personal agent.
    /// </summary>
    [JsonIgnore]
    public long? WorkspaceId => organizationId;

    /// <summary>The agent's IANA time zone, such as <c>America/New_York</c>.</summary>
    [JsonIgnore]
    public string? TimeZone { get => timeZone; init => timeZone = value; }

    /// <summary>The id of the primary avatar, or null when the agent has none.</summary>
    [JsonIgnore]
    public long? PrimaryAvatarId { get => primaryAvatarId; init => primaryAvatarId = value; }

    /// <summary>
    /// The primary avatar's <em>thumbnail</em> image, not the full-size one (the API's <c>primary_avatar_url</c>; the same
    /// link as <see cref="PrimaryAvatarThumbnailUrl"/>); null when the agent has no avatar. The full-size image is the
    /// primary <see cref="Avatar"/>'s <see cref="Avatar.Url"/>, from <see cref="IAvatarsClient.ListAsync(long, AvatarListOptions?)"/>.
    /// </summary>
    [JsonIgnore]
    public Uri? PrimaryAvatarUrl { get => primaryAvatarUrlParsed.Get(primaryAvatarUrl); init => primaryAvatarUrl = primaryAvatarUrlParsed.Set(value); }

    /// <summary>
    /// The primary avatar's thumbnail image: <see cref="PrimaryAvatarUrl"/> under a name that says what it links to; null
    /// when the agent has no avatar.
    /// </summary>
    [JsonIgnore]
    public Uri? PrimaryAvatarThumbnailUrl => PrimaryAvatarUrl;

    /// <summary>The project that holds the agent's setup.</summary>
    [JsonIgnore]
    public long? AgentSetupProjectId { get => agentSetupProjectId; init => agentSetupProjectId = value; }

    /// <summary>The caller's role on the agent.</summary>
    [JsonIgnore]
    public AgentRole? Role { get => role; init => role = value; }

    /// <summary>The agent's default voice, or null when none is set.</summary>
    [JsonIgnore]
    public AgentVoice? DefaultUserVoice { get => defaultUserVoice; init => defaultUserVoice = value; }

    /// <summary>
    /// Fields the API returned that this version of the SDK does not model, such as the workspace UUID that
    /// <c>GetAsync(id, includeOrganizationUuid: true)</c> asks for (its field name is not documented).
    /// </summary>
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
        builder.Append(CultureInfo.InvariantCulture, $"Id = {Id}, Name = {Name}, Description = {Description}, OrganizationId = {OrganizationId}, ")
            .Append(CultureInfo.InvariantCulture, $"TimeZone = {TimeZone}, PrimaryAvatarId = {PrimaryAvatarId}, PrimaryAvatarUrl = {PrimaryAvatarUrl}, ")
            .Append(CultureInfo.InvariantCulture, $"AgentSetupProjectId = {AgentSetupProjectId}, Role = {Role}, DefaultUserVoice = {DefaultUserVoice}, ")
            .Append("AdditionalProperties = ").Append(ModelText.Keys(AdditionalProperties));
        return true;
    }
}
