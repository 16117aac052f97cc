using System.Text.Json.Nodes;

namespace GenPro.Sdk.Testing.Tests.Infrastructure;

public static class JsonAssert
{
    /// <summary>Asserts the two JSON texts are the same document (property order ignored).</summary>
    public static void Equal(string expected, string actual)
    {
        var e = JsonNode.Parse(expected);
        var a = JsonNode.Parse(actual);
        JsonNode.DeepEquals(e, a).Should().BeTrue($"expected {e?.ToJsonString()} but got {a?.ToJsonString()}");
    }

    public static JsonNode Parse(string json) => JsonNode.Parse(json) ?? throw new InvalidOperationException("null JSON");

    public static void Error(string body, string errorCode)
    {
        var node = Parse(body);
        node["error_code"]!.GetValue<string>().Should().Be(errorCode);
        node["error"]!.GetValue<string>().Should().NotBeNullOrWhiteSpace();
        node.AsObject().Count.Should().Be(2, "an error body has exactly error and error_code");
    }
}
