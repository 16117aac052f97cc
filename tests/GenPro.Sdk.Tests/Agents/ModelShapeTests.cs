using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using GenPro.Sdk.Tests.Infrastructure;

namespace GenPro.Sdk.Tests.Agents;

/// <summary>
/// The models bind JSON to internal fields and keep extension data lazy (docs/performance.md): what a user sees must not
/// change. Required members are still required, unknown fields still kept, escaped names still matched, and equal
/// bodies now give equal records (no per-object dictionary to compare by reference).
/// </summary>
public sealed class ModelShapeTests : IDisposable
{
    private readonly ApiServer _api = new();

    public void Dispose() => _api.Dispose();

    [Fact]
    public async Task A_model_without_unknown_fields_has_an_empty_bag_and_no_dictionary_of_its_own()
    {
        _api.Respond("GET", "/v1/agents", 200, """[{"id": 1, "name": "A"}, {"id": 2, "name": "B"}]""");

        var agents = await _api.Client.Agents.ListAsync();

        agents.Should().AllSatisfy(a => a.AdditionalProperties.Should().BeEmpty());
        agents.Should().AllSatisfy(a => a.ExtensionData.Should().BeNull());
        agents[0].AdditionalProperties.Should().BeSameAs(agents[1].AdditionalProperties);
    }

    [Fact]
    public async Task Only_the_model_with_an_unknown_field_gets_a_dictionary()
    {
        _api.Respond("GET", "/v1/agents", 200, """[{"id": 1, "name": "A", "created_at": "2026-01-01"}, {"id": 2, "name": "B"}]""");

        var agents = await _api.Client.Agents.ListAsync();

        agents[0].AdditionalProperties.Keys.Should().Equal("created_at");
        agents[0].AdditionalProperties["created_at"].GetString().Should().Be("2026-01-01");
        agents[1].AdditionalProperties.Should().BeEmpty();
    }

    [Fact]
    public async Task A_missing_required_id_is_still_an_unreadable_body()
    {
        _api.Respond("GET", "/v1/agents", 200, """[{"name": "No id"}]""");

        var thrown = await _api.Client.Agents.Invoking(a => a.ListAsync()).Should().ThrowAsync<GenProApiException>();

        thrown.Which.Message.Should().Contain("'id'");
        thrown.Which.InnerException.Should().BeOfType<System.Text.Json.JsonException>();
    }

    [Theory]
    [InlineData("/v1/agents", """[{"id": 1, "name": "A"}, {"id": 2}]""", "AgentSummary list", "AgentSummary", "name")]
    [InlineData("/v1/agents", """[{"id": 0, "name": "A"}]""", "AgentSummary list", "AgentSummary", "id")]
    [InlineData("/v1/agents/42", """{"id": 42, "name": null}""", "Agent", "Agent", "name")]
    [InlineData("/v1/agents/42", """{"name": "No id"}""", "Agent", "Agent", "id")]
    [InlineData("/v1/agents/42/avatars", """[{"id": 7, "is_primary": true}, {"is_primary": false}]""", "Avatar list", "Avatar", "id")]
    public async Task Each_model_still_requires_its_id_and_name(string path, string body, string readAs, string type, string field)
    {
        _api.Respond("GET", path, 200, body);

        Func<Task> read = path switch
        {
            "/v1/agents" => () => _api.Client.Agents.ListAsync(),
            "/v1/agents/42" => () => _api.Client.Agents.GetAsync(42),
            _ => async () => await _api.Client.Avatars.ListAsync(42).ToListAsync(),
        };

        var thrown = (await read.Should().ThrowExactlyAsync<GenProApiException>()).Which;
        thrown.Message.Should().StartWith(
            $"GET {path} answered 200 OK, but its body could not be read as {readAs}: JSON deserialization for type '{type}' was missing required properties including: '{field}'.");
        thrown.InnerException.Should().BeOfType<JsonException>();
    }

    [Fact]
    public async Task A_url_reads_the_same_whether_or_not_it_was_read_before()
    {
        _api.Respond("GET", "/v1/agents/42/avatars", 200, """[{"id": 7, "url": "https://cdn.gen.pro/a%20b.png", "thumbnail_url": "/t/7.png"}]""");

        var first = await _api.Client.Avatars.ListAsync(42).FirstAsync();
        var second = await _api.Client.Avatars.ListAsync(42).FirstAsync();

        first.Url.Should().Be(new Uri("https://cdn.gen.pro/a%20b.png")).And.BeSameAs(first.Url, "a URL is parsed once");
        first.ThumbnailUrl!.IsAbsoluteUri.Should().BeFalse();
        first.ThumbnailUrl.OriginalString.Should().Be("/t/7.png");
        second.Should().Be(first, "reading a URL does not change the record").And.NotBeSameAs(first);
        second.GetHashCode().Should().Be(first.GetHashCode());

        var moved = first with { Url = new Uri("https://cdn.gen.pro/c.png") };
        moved.Url.Should().Be(new Uri("https://cdn.gen.pro/c.png"));
        moved.ThumbnailUrl.Should().BeSameAs(first.ThumbnailUrl);
        moved.Should().NotBe(first);
        (moved with { Url = first.Url }).Should().Be(first);
        (first with { Url = null }).Url.Should().BeNull();
    }

    [Fact]
    public async Task The_same_body_twice_gives_equal_records()
    {
        const string Body = """{"id": 42, "name": "TrendBot", "primary_avatar_url": "https://cdn.gen.pro/a.png", "role": "owner"}""";
        _api.Respond("GET", "/v1/agents/42", 200, Body);

        var first = await _api.Client.Agents.GetAsync(42);
        var second = await _api.Client.Agents.GetAsync(42);

        second.Should().Be(first);
        (first with { Name = "Renamed" }).Should().NotBe(first);
        (first with { Name = "Renamed" }).Id.Should().Be(42);
    }

    [Fact]
    public async Task Escaped_property_names_of_a_voice_are_still_recognised()
    {
        _api.Respond("GET", "/v1/agents/42", 200, """{"id": 42, "name": "T", "default_user_voice": {"voice\u005fid": "v1", "n\u0061me": "Rachel", "accent": "scottish"}}""");

        var voice = (await _api.Client.Agents.GetAsync(42)).DefaultUserVoice!;

        voice.VoiceId.Should().Be("v1");
        voice.Name.Should().Be("Rachel");
        voice.AdditionalProperties.Keys.Should().Equal("accent");
    }

    [Theory]
    [InlineData(typeof(Agent))]
    [InlineData(typeof(AgentSummary))]
    [InlineData(typeof(Avatar))]
    public void Every_json_field_is_named_as_its_property_so_that_dotnet_8_can_bind_it(Type model)
    {
        // .NET 8's source generator binds each init-only property, ignored or not, as a constructor argument to the
        // member with its C# name (ignoring case), and refuses a second member with another JSON name for it.
        var fields = model.GetFields(BindingFlags.Instance | BindingFlags.NonPublic)
            .Where(f => f.GetCustomAttribute<JsonIncludeAttribute>() is not null).ToList();
        fields.Should().NotBeEmpty();
        foreach (var field in fields)
        {
            var property = model.GetProperty(field.Name, BindingFlags.Instance | BindingFlags.Public | BindingFlags.IgnoreCase);
            property.Should().NotBeNull($"{model.Name}.{field.Name} must be named as a public property, ignoring case, or .NET 8 cannot read {model.Name}");
#if NET10_0_OR_GREATER
            // .NET 10 binds nothing to the ignored properties: there a URL field holds its text, parsed when read (UrlCache).
            var fieldType = property!.PropertyType == typeof(Uri) ? typeof(string) : property.PropertyType;
#else
            var fieldType = property!.PropertyType;
#endif
            field.FieldType.Should().Be(fieldType, $"{model.Name}.{property.Name} binds to {field.Name} by name and type");
            var propertyJsonName = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.SnakeCaseLower.ConvertName(property.Name);
            propertyJsonName.Should().Be(field.GetCustomAttribute<JsonPropertyNameAttribute>()!.Name,
                $"{model.Name}.{property.Name} must carry its field's JSON name: .NET 8 refuses two names for one constructor argument");
        }
    }
}
