using System.Text.Json;
using System.Text.Json.Serialization;
using GenPro.Sdk.Agents;

namespace GenPro.Sdk.Serialization;

/// <summary>
/// The one source-generated JSON context of the SDK: snake_case, numbers readable from strings (the vendor's
/// OpenAPI types ids as strings while its examples send numbers), nulls never written.
/// Every type the SDK reads or writes is listed here (the generator reads one declaration only).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    GenerationMode = JsonSourceGenerationMode.Default)]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(List<AgentSummary>))]
[JsonSerializable(typeof(Agent))]
[JsonSerializable(typeof(AgentEnvelope))]
[JsonSerializable(typeof(List<Avatar>))]
[JsonSerializable(typeof(AgentBody))]
internal sealed partial class GenProJsonContext : JsonSerializerContext;
