using GenPro.Sdk;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using Xunit;

namespace MyApp.Tests;

public sealed class AgentLookupTests
{
    [Fact]
    public async Task Reads_an_agent_and_reports_a_missing_one()
    {
        using var server = WireMockServer.Start();
        server.Given(Request.Create().WithPath("/v1/agents/42").UsingGet().WithHeader("X-API-Key", "gen_pat_test"))
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithBody("""{"id": 42, "name": "TrendBot", "organization_id": 10, "primary_avatar_url": "https://cdn.gen.pro/avatars/42/thumbnail.webp"}"""));
        server.Given(Request.Create().WithPath("/v1/agents/7").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(422).WithHeader("Content-Type", "application/json")
                .WithBody("""{"error": "Agent not found", "error_code": "agent_not_found"}"""));

        using var client = new GenProClient(new GenProClientOptions
        {
            ApiKey = "gen_pat_test",
            BaseAddress = new Uri(server.Url + "/v1/"),
            Retry = { MaxRetries = 0 },   // a 5xx or 429 answers at once instead of after 3 retries
        });

        Agent agent = await client.Agents.GetAsync(42);
        Assert.Equal("TrendBot", agent.Name);
        Assert.Equal(10, agent.WorkspaceId);

        var missing = await Assert.ThrowsAsync<GenProNotFoundException>(() => client.Agents.GetAsync(7));
        Assert.Equal(GenProErrorCodes.AgentNotFound, missing.ErrorCode);
    }
}
