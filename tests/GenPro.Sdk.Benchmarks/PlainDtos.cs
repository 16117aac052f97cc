using System.Text.Json;
using System.Text.Json.Serialization;

namespace GenPro.Sdk.Benchmarks;

// The DTOs a user would write for baselines (a), (c) and (d): plain classes, strings for URLs and roles, no extension data.

public sealed class PlainAgent
{
    public long Id { get; set; }

    public string? Name { get; set; }

    public string? Description { get; set; }

    public long? OrganizationId { get; set; }

    public string? TimeZone { get; set; }

    public long? PrimaryAvatarId { get; set; }

    public string? PrimaryAvatarUrl { get; set; }

    public long? AgentSetupProjectId { get; set; }

    public string? Role { get; set; }

    public PlainVoice? DefaultUserVoice { get; set; }
}

public sealed class PlainVoice
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? Gender { get; set; }

    public string? Language { get; set; }

    public string? Provider { get; set; }

    public string? Url { get; set; }
}

public sealed class PlainAgentSummary
{
    public long Id { get; set; }

    public string? Name { get; set; }

    public string? Description { get; set; }

    public string? PrimaryAvatarUrl { get; set; }

    public string? Role { get; set; }

    public string? Organization { get; set; }

    public string? TimeZone { get; set; }

    public bool? TiktokIntegration { get; set; }

    public bool? TiktokSocialAccount { get; set; }

    public bool? Degods { get; set; }

    public List<JsonElement>? SharedUsers { get; set; }

    public PlainVoice? DefaultUserVoice { get; set; }
}

public sealed class PlainAvatar
{
    public long Id { get; set; }

    public bool IsPrimary { get; set; }

    public string? Url { get; set; }

    public string? ThumbnailUrl { get; set; }

    public long? DegodAvatarId { get; set; }
}

public sealed class PlainAgentEnvelope
{
    public PlainAgent? Agent { get; set; }
}

public sealed class PlainCreateBody
{
    public long? OrganizationId { get; set; }

    public PlainAgentFields? Agent { get; set; }
}

public sealed class PlainAgentFields
{
    public string? Name { get; set; }

    public string? Description { get; set; }

    public string? TimeZone { get; set; }
}

/// <summary>The source-generated JSON context of the plain DTOs (snake_case, nulls not written), as a user would declare it.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PlainAgent))]
[JsonSerializable(typeof(List<PlainAgentSummary>))]
[JsonSerializable(typeof(List<PlainAvatar>))]
[JsonSerializable(typeof(PlainAgentEnvelope))]
[JsonSerializable(typeof(PlainCreateBody))]
public sealed partial class PlainJsonContext : JsonSerializerContext;
