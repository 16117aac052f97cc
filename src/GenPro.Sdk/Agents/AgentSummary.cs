using System.Diagnostics.CodeAnalysis;
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
/// Each field is named as its property in lower camel case, and must stay so: .NET 8's source generator still
/// treats the ignored init-only properties as constructor arguments and binds each one to the member whose C# name
/// matches it ignoring case (so on .NET 8 these models still take the constructor path; the .NET 10 generator skips ignored properties).
/// </remarks>
[SuppressMessage("Naming", "CA1708:Identifiers should differ by more than case", Justification = "The fields are internal; .NET 8 binds them to the properties by name ignoring case (remarks).")]
public sealed record AgentSummary
{
    [JsonInclude, JsonPropertyName("id")]
    internal long id;

    [JsonInclude, JsonPropertyName("name")]
    internal string? name;

    [JsonInclude, JsonPropertyName("description")]
    internal string? description;

    [JsonInclude, JsonPropertyName("primary_avatar_url")]
    internal ModelUrl? primaryAvatarUrl;

    private UrlCache primaryAvatarUrlParsed;

    [JsonInclude, JsonPropertyName("role")]
    internal AgentRole? role;

    [JsonInclude, JsonPropertyName("organization")]
    internal string? organization;

    [JsonInclude, JsonPropertyName("workspace_id")]
    internal long? workspaceId;

    [JsonInclude, JsonPropertyName("time_zone")]
    internal string? timeZone;

    [JsonInclude, JsonPropertyName("tiktok_integration")]
    internal bool? tiktokIntegration;

    [JsonInclude, JsonPropertyName("tiktok_social_account")]
    internal bool? tiktokSocialAccount;

    [JsonInclude, JsonPropertyName("degods")]
    internal bool? deGods;

    [JsonInclude, JsonPropertyName("shared_users")]
    internal IReadOnlyList<JsonElement>? sharedUsers;

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
    /// The primary avatar's <em>thumbnail</em> image, not the full-size one (the API's <c>primary_avatar_url</c>; the same
    /// link as <see cref="PrimaryAvatarThumbnailUrl"/>); null when the agent has no avatar. The full-size image is the
    /// primary <see cref="Avatar"/>'s <see cref="Avatar.Url"/>.
    /// </summary>
    [JsonIgnore]
    public Uri? PrimaryAvatarUrl { get => primaryAvatarUrlParsed.Get(primaryAvatarUrl); init => primaryAvatarUrl = primaryAvatarUrlParsed.Set(value); }

    /// <summary>
    /// The primary avatar's thumbnail image: <see cref="PrimaryAvatarUrl"/> under a name that says what it links to; null
    /// when the agent has no avatar.
    /// </summary>
    [JsonIgnore]
    public Uri? PrimaryAvatarThumbnailUrl => PrimaryAvatarUrl;

    /// <summary>The caller's role on the agent.</summary>
    [JsonIgnore]
    public AgentRole? Role { get => role; init => role = value; }

    /// <summary>
    /// The <em>name</em> of the workspace the agent belongs to, such as <c>My Company</c>, not its id (the API's
    /// <c>organization</c> field; the same as <see cref="WorkspaceName"/>). The id is <see cref="WorkspaceId"/> when the API
    /// sends it, or <see cref="Agent.OrganizationId"/> from <see cref="IAgentsClient.GetAsync(long, bool, CancellationToken)"/>.
    /// </summary>
    [JsonIgnore]
    public string? Organization { get => organization; init => organization = value; }

    /// <summary>
    /// The name of the workspace the agent belongs to: <see cref="Organization"/> under a name that says it is a name and
    /// which kind (the SDK says workspace where the API says organization).
    /// </summary>
    [JsonIgnore]
    public string? WorkspaceName => organization;

    /// <summary>
    /// The id of the workspace the agent belongs to, when the API sends it (<c>workspace_id</c>; some API versions do, in
    /// place of <see cref="Organization"/>): the id <c>ListAsync(workspaceId: …)</c> and <see cref="CreateAgentRequest.OrganizationId"/> take.
    /// </summary>
    [JsonIgnore]
    public long? WorkspaceId { get => workspaceId; init => workspaceId = value; }

    /// <summary>The agent's IANA time zone, such as <c>America/New_York</c>.</summary>
    [JsonIgnore]
    public string? TimeZone { get => timeZone; init => timeZone = value; }

    /// <summary>Whether a TikTok integration is set up.</summary>
    [JsonIgnore]
    public bool? TiktokIntegration { get => tiktokIntegration; init => tiktokIntegration = value; }

    /// <summary>Whether a TikTok social account is linked.</summary>
    [JsonIgnore]
    public bool? TiktokSocialAccount { get => tiktokSocialAccount; init => tiktokSocialAccount = value; }

    /// <summary>Whether the agent uses DeGods avatars.</summary>
    // Named as its field: .NET 8 refuses two names for one constructor argument (remarks).
    [JsonIgnore, JsonPropertyName("degods")]
    public bool? DeGods { get => deGods; init => deGods = value; }

    /// <summary>The users the agent is shared with, as the API returns them (their shape is not documented).</summary>
    [JsonIgnore]
    public IReadOnlyList<JsonElement>? SharedUsers { get => sharedUsers; init => sharedUsers = value; }

    /// <summary>The agent's default voice, or null when none is set.</summary>
    [JsonIgnore]
    public AgentVoice? DefaultUserVoice { get => defaultUserVoice; init => defaultUserVoice = value; }

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
