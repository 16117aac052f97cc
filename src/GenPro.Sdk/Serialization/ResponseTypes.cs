using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using GenPro.Sdk.Agents;

namespace GenPro.Sdk.Serialization;

/// <summary>
/// The JSON metadata responses are read with: <see cref="GenProJsonContext"/>'s, plus the check that every agent, agent
/// summary and avatar has its <c>id</c> (and the agents their <c>name</c>), run as each object is read. The check was
/// <c>[JsonRequired]</c>, which makes the reader allocate a 64-byte <see cref="System.Collections.BitArray"/> per object
/// (3.2 KB of a list of 50 agents, 640 KB of 10,000 avatars; docs/performance.md). Same failure, same message, same point:
/// a <see cref="JsonException"/> while the body is read, which the runner turns into a <see cref="GenProApiException"/>.
/// </summary>
internal static class ResponseTypes
{
    private static readonly JsonSerializerOptions Options = new(GenProJsonContext.Default.Options)
    {
        TypeInfoResolver = GenProJsonContext.Default.WithAddedModifier(RequireIdentity),
    };

    /// <summary>The metadata of <typeparamref name="T"/>, with the identity checks.</summary>
    public static JsonTypeInfo<T> Get<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

    private static void RequireIdentity(JsonTypeInfo type)
    {
        if (type.Type == typeof(Agent))
        {
            type.OnDeserialized = static o => Require(Missing(((Agent)o).id, ((Agent)o).name), nameof(Agent));
        }
        else if (type.Type == typeof(AgentSummary))
        {
            type.OnDeserialized = static o => Require(Missing(((AgentSummary)o).id, ((AgentSummary)o).name), nameof(AgentSummary));
        }
        else if (type.Type == typeof(Avatar))
        {
            type.OnDeserialized = static o => Require(((Avatar)o).id > 0 ? null : "id", nameof(Avatar));
        }
    }

    /// <summary>The required field an agent lacks: ids are positive, so 0 is an absent one; the name is null only when absent or null.</summary>
    private static string? Missing(long id, string? name) => id <= 0 ? "id" : name is null ? "name" : null;

    /// <summary>Throws as <c>[JsonRequired]</c> did when <paramref name="missing"/> names a field.</summary>
    private static void Require(string? missing, string typeName)
    {
        if (missing is not null)
        {
            throw new JsonException($"JSON deserialization for type '{typeName}' was missing required properties including: '{missing}'.");
        }
    }
}
