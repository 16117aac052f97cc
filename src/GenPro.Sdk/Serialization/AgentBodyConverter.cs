using System.Text.Json;
using System.Text.Json.Serialization;
using GenPro.Sdk.Agents;
using GenPro.Sdk.Bodies;

namespace GenPro.Sdk.Serialization;

/// <summary>
/// Writes an <see cref="AgentBody"/> as the JSON object the API reads (<c>{"agent": {…}}</c>, the organization beside it),
/// from the one field list the form is built from too. Write-only: the API never sends a body of this shape back.
/// </summary>
internal sealed class AgentBodyConverter : JsonConverter<AgentBody>
{
    public override AgentBody Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("An agent body is only ever written.");

    public override void Write(Utf8JsonWriter writer, AgentBody value, JsonSerializerOptions options) =>
        JsonBody.Write(writer, value.Fields);
}
