using System.Text.Json;
using System.Text.Json.Serialization;

namespace GenPro.Sdk.Samples.WebApi;

/// <summary>What this API returns for an agent: its own contract, not the GEN API's, so either can change alone.</summary>
public sealed record AgentDto(long Id, string Name, string? Description, string? TimeZone, string? Role, Uri? PrimaryAvatarUrl)
{
    public static AgentDto From(Agent agent) =>
        new(agent.Id, agent.Name, agent.Description, agent.TimeZone, agent.Role?.Value, agent.PrimaryAvatarUrl);

    public static AgentDto From(AgentSummary agent) =>
        new(agent.Id, agent.Name, agent.Description, agent.TimeZone, agent.Role?.Value, agent.PrimaryAvatarUrl);
}

/// <summary>One avatar of an agent.</summary>
public sealed record AvatarDto(long Id, bool IsPrimary, Uri? Url, Uri? ThumbnailUrl, long? DeGodAvatarId)
{
    public static AvatarDto From(Avatar avatar) =>
        new(avatar.Id, avatar.IsPrimary, avatar.Url, avatar.ThumbnailUrl, avatar.DeGodAvatarId);
}

/// <summary>The body of <c>POST /agents</c>.</summary>
public sealed record CreateAgentDto(string? Name, string? Description, string? TimeZone, long? WorkspaceId);

/// <summary>Source-generated JSON (camelCase, like ASP.NET Core's defaults) for every type this API reads or writes.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(AgentDto))]
[JsonSerializable(typeof(IEnumerable<AgentDto>))]
[JsonSerializable(typeof(IAsyncEnumerable<AvatarDto>))]
[JsonSerializable(typeof(CreateAgentDto))]
internal sealed partial class SampleJsonContext : JsonSerializerContext;
