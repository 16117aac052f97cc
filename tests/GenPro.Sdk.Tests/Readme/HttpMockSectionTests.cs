using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using GenPro.Sdk.Tests.Infrastructure;

namespace GenPro.Sdk.Tests.Readme;

/// <summary>
/// The README's "Testing with your own HTTP mock" says what it shows: its WireMock.Net example is the test file the
/// suite runs (<c>MyApp.Tests.AgentLookupTests</c>), its JSON is the API reference's example bodies, and each body reads
/// into the SDK's models with no field left over, on both paths; a guessed <c>"code"</c> field is not read.
/// </summary>
public sealed partial class HttpMockSectionTests : IDisposable
{
    private const string Heading = "## Testing with your own HTTP mock";
    private readonly ApiServer _api = new();

    public void Dispose() => _api.Dispose();

    public static TheoryData<string> Paths => ClientPaths.Both;

    [Fact]
    public void The_WireMock_example_is_the_test_file_the_suite_runs()
    {
        var example = Blocks("csharp").Should().ContainSingle().Subject;
        var file = Normalize(File.ReadAllText(Path.Combine(RepositoryRoot(), "tests", "GenPro.Sdk.Tests", "Readme", "AgentLookupTests.cs")));

        example.Should().Be(file, "the README shows tests/GenPro.Sdk.Tests/Readme/AgentLookupTests.cs verbatim: change both together");
    }

    [Fact]
    public void The_wire_formats_are_the_references_example_bodies()
    {
        Blocks("json").Select(Compact).Should().Equal(
            new[] { Samples.Agent, Samples.AgentList, Samples.CreatedAgent, Samples.AvatarPage, Samples.Error("Agent not found", "agent_not_found") }
                .Select(Compact));
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Every_body_of_the_section_reads_into_the_models_with_no_field_left_over(string path)
    {
        var json = Blocks("json");
        _api.Respond("GET", "/v1/agents/42", 200, json[0]);
        _api.Respond("GET", "/v1/agents", 200, json[1]);
        _api.Respond("POST", "/v1/agents", 201, json[2]);
        _api.Respond("GET", "/v1/agents/42/avatars", 200, json[3]);
        _api.Respond("GET", "/v1/agents/7", 422, json[4]);
        using var client = ClientPaths.Create(path, _api.Options());

        var agent = await client.Agents.GetAsync(42);
        var summary = (await client.Agents.ListAsync()).Single();
        var created = await client.Agents.CreateAsync(new CreateAgentRequest { Name = "ProductReviewer", WorkspaceId = 10 });
        var avatars = await client.Avatars.ListAsync(42).ToListAsync();
        var missing = (await FluentActions.Awaiting(() => client.Agents.GetAsync(7)).Should().ThrowExactlyAsync<GenProNotFoundException>()).Which;

        agent.Should().BeEquivalentTo(new { Id = 42L, Name = "TrendBot", WorkspaceId = 10L, PrimaryAvatarId = 101L, AgentSetupProjectId = 500L });
        agent.DefaultUserVoice!.VoiceId.Should().Be("voice_abc123");
        agent.PrimaryAvatarThumbnailUrl.Should().Be(new Uri("https://cdn.gen.pro/avatars/42/thumbnail.webp"));
        summary.Should().BeEquivalentTo(new { Id = 42L, WorkspaceName = "My Company", DeGods = false });
        summary.SharedUsers.Should().BeEmpty();
        created.Should().BeEquivalentTo(new { Id = 43L, Name = "ProductReviewer", WorkspaceId = 10L, PrimaryAvatarThumbnailUrl = (Uri?)null });
        avatars.Select(a => (a.Id, a.IsPrimary, a.DeGodAvatarId)).Should().Equal((101L, true, null), (102L, false, 7L));
        avatars[0].ThumbnailUrl.Should().Be(new Uri("https://cdn.gen.pro/avatars/101/thumbnail.webp"));
        new IDictionary<string, JsonElement>[] { agent.AdditionalProperties, summary.AdditionalProperties, created.AdditionalProperties, avatars[0].AdditionalProperties, avatars[1].AdditionalProperties }
            .Should().AllSatisfy(extra => extra.Should().BeEmpty("every field the README shows is one the SDK models"));
        missing.Should().BeEquivalentTo(new { StatusCode = HttpStatusCode.UnprocessableEntity, ErrorCode = GenProErrorCodes.AgentNotFound, ErrorMessage = "Agent not found" });
        _api.Requests.Should().HaveCount(5, "two avatars are a short page: the last one");
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task A_guessed_code_field_is_not_read_and_the_status_alone_decides(string path)
    {
        const string Guessed = """{"error": "Agent not found", "code": "agent_not_found"}""";
        _api.Respond("GET", "/v1/agents/7", 404, Guessed);
        _api.Respond("GET", "/v1/agents/8", 422, Guessed);
        using var client = ClientPaths.Create(path, _api.Options());

        var on404 = (await FluentActions.Awaiting(() => client.Agents.GetAsync(7)).Should().ThrowExactlyAsync<GenProNotFoundException>()).Which;
        var on422 = (await FluentActions.Awaiting(() => client.Agents.GetAsync(8)).Should().ThrowExactlyAsync<GenProValidationException>()).Which;

        on404.ErrorCode.Should().BeNull("the right type, for the wrong reason: the status, not the code");
        on422.ErrorCode.Should().BeNull();
        on422.ErrorMessage.Should().Be("Agent not found");
        Section().Should().Contain("A guessed `\"code\"` field is not read");
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task A_bare_agent_answered_to_a_create_is_the_error_the_section_quotes(string path)
    {
        _api.Respond("POST", "/v1/agents", 201, Samples.Agent);
        using var client = ClientPaths.Create(path, _api.Options());

        var e = (await FluentActions.Awaiting(() => client.Agents.CreateAsync(new CreateAgentRequest { Name = "TrendBot" }))
            .Should().ThrowExactlyAsync<GenProApiException>()).Which;

        e.Message.Should().Be("POST /v1/agents answered 201 Created, but its body had no \"agent\" object." + e.RequestIdSuffix());
        Section().Should().Contain("its body had no \"agent\" object");
    }

    /// <summary>The README's section, from its heading to the next one.</summary>
    private static string Section()
    {
        var readme = Normalize(File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md")));
        var start = readme.IndexOf(Heading + "\n", StringComparison.Ordinal);
        start.Should().BeGreaterThanOrEqualTo(0, $"the README has a section \"{Heading}\"");
        var end = readme.IndexOf("\n## ", start + Heading.Length, StringComparison.Ordinal);
        return end < 0 ? readme[start..] : readme[start..end];
    }

    /// <summary>The section's fenced blocks in <paramref name="language"/>, in order, without their fences.</summary>
    private static List<string> Blocks(string language) =>
        Fence().Matches(Section()).Where(m => m.Groups["lang"].Value == language).Select(m => m.Groups["code"].Value).ToList();

    [GeneratedRegex(@"^```(?<lang>\w+)\n(?<code>.*?)\n```$", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex Fence();

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n');

    private static string Compact(string json)
    {
        using var document = JsonDocument.Parse(json);
        return JsonSerializer.Serialize(document.RootElement);
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GenPro.Sdk.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("The repository root (GenPro.Sdk.sln) is not above the test's directory.");
    }
}
