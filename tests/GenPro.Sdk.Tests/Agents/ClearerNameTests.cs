using System.Text.Json;
using GenPro.Sdk.Tests.Infrastructure;

namespace GenPro.Sdk.Tests.Agents;

/// <summary>
/// The names added beside the wire's: <c>PrimaryAvatarThumbnailUrl</c> (what <c>primary_avatar_url</c> links to),
/// <c>WorkspaceName</c> (the list's <c>organization</c> is a name) and <c>WorkspaceId</c> (the id <c>organization_id</c>
/// holds and <c>ListAsync(workspaceId:)</c> takes). Read from the reference's bodies over the wire, on both paths.
/// </summary>
public sealed class ClearerNameTests : IDisposable
{
    private readonly ApiServer _api = new();

    public void Dispose() => _api.Dispose();

    public static TheoryData<string> Paths => ClientPaths.Both;

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task An_agent_names_its_thumbnail_and_workspace_id_plainly(string path)
    {
        _api.Respond("GET", "/v1/agents/42", 200, Samples.Agent);
        using var client = ClientPaths.Create(path, _api.Options());

        var agent = await client.Agents.GetAsync(42);

        agent.PrimaryAvatarThumbnailUrl.Should().Be(new Uri("https://cdn.gen.pro/avatars/42/thumbnail.webp")).And.Be(agent.PrimaryAvatarUrl);
        agent.WorkspaceId.Should().Be(10).And.Be(agent.OrganizationId);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task A_summary_names_its_thumbnail_and_workspace_name_plainly(string path)
    {
        _api.Respond("GET", "/v1/agents", 200, Samples.AgentList);
        using var client = ClientPaths.Create(path, _api.Options());

        var summary = (await client.Agents.ListAsync()).Single();

        summary.PrimaryAvatarThumbnailUrl.Should().Be(new Uri("https://cdn.gen.pro/avatars/42/thumbnail.webp")).And.Be(summary.PrimaryAvatarUrl);
        summary.WorkspaceName.Should().Be("My Company").And.Be(summary.Organization);
        summary.WorkspaceId.Should().BeNull("the full list item carries the workspace's name, not its id");
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task The_id_a_listing_filters_by_is_the_one_a_create_sends_as_organization_id(string path)
    {
        _api.Respond("GET", "/v1/agents", 200, "[]");
        _api.Respond("POST", "/v1/agents", 201, Samples.CreatedAgent);
        using var client = ClientPaths.Create(path, _api.Options());

        await client.Agents.ListAsync(workspaceId: 10);
        var created = await client.Agents.CreateAsync(new CreateAgentRequest { Name = "ProductReviewer", WorkspaceId = 10 });

        var requests = _api.Requests.Select(r => r.RequestMessage!).ToList();
        requests[0].Url.Should().EndWith("/v1/agents?workspace_id=10");
        JsonDocument.Parse(requests[1].Body!).RootElement.GetProperty("organization_id").GetInt64().Should().Be(10);
        created.WorkspaceId.Should().Be(10);
    }

    [Fact]
    public void Setting_the_workspace_id_sets_the_organization_id_and_the_other_way_round()
    {
        new CreateAgentRequest { Name = "A", WorkspaceId = 10 }.OrganizationId.Should().Be(10);
        new CreateAgentRequest { Name = "A", OrganizationId = 11 }.WorkspaceId.Should().Be(11);
        new CreateAgentRequest { Name = "A", WorkspaceId = 10 }.ToString().Should().Contain("OrganizationId = 10");
    }

    [Fact]
    public void The_aliases_add_nothing_to_a_records_equality_or_text()
    {
        var agent = new Agent { Id = 1, Name = "A", OrganizationId = 10, PrimaryAvatarUrl = new Uri("https://cdn.example/t.webp") };

        agent.Should().Be(agent with { });
        agent.ToString().Should().NotContain("WorkspaceId").And.NotContain("PrimaryAvatarThumbnailUrl");
    }
}
