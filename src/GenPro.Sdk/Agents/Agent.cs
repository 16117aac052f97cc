using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using GenPro.Sdk.Internal;

namespace GenPro.Sdk;

/// <summary>An agent in full, as the get, create and update endpoints return it.</summary>
public sealed record Agent
{
    /// <summary>The agent's id.</summary>
    [JsonRequired]
    public long Id { get; init; }

    /// <summary>The agent's name, unique within its workspace.</summary>
    [JsonRequired]
    public string Name { get; init; } = string.Empty;

    /// <summary>What the agent is for.</summary>
    public string? Description { get; init; }

    /// <summary>The workspace (organization) the agent belongs to; null for a personal agent.</summary>
    public long? OrganizationId { get; init; }

    /// <summary>The agent's IANA time zone, such as <c>America/New_York</c>.</summary>
    public string? TimeZone { get; init; }

    /// <summary>The id of the primary avatar, or null when the agent has none.</summary>
    public long? PrimaryAvatarId { get; init; }

    /// <summary>The thumbnail of the primary avatar.</summary>
    public Uri? PrimaryAvatarUrl { get; init; }

    /// <summary>The project that holds the agent's setup.</summary>
    public long? AgentSetupProjectId { get; init; }

    /// <summary>The caller's role on the agent.</summary>
    public AgentRole? Role { get; init; }

    /// <summary>The agent's default voice, or null when none is set.</summary>
    public AgentVoice? DefaultUserVoice { get; init; }

    /// <summary>
    /// Fields the API returned that this version of the SDK does not model, such as the workspace UUID that
    /// <c>GetAsync(id, includeOrganizationUuid: true)</c> asks for (its field name is not documented).
    /// </summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement> AdditionalProperties { get; internal set; } = new Dictionary<string, JsonElement>(StringComparer.Ordinal);

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
