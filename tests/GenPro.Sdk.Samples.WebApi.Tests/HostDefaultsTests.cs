using System.Net;
using System.Net.Http.Json;
using GenPro.Sdk.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GenPro.Sdk.Samples.WebApi.Tests;

/// <summary>
/// The web sample with host-wide HttpClient defaults added the way .NET Aspire's ServiceDefaults add them: the
/// standard resilience handler must not put a second retry policy around the SDK's client.
/// </summary>
public sealed class HostDefaultsTests : IAsyncLifetime
{
    private const string ApiKey = "gen_pat_webapi_defaults";

    private readonly FakeGenProApi _fake = new();
    private FakeGenProServer _server = null!;
    private WebApplicationFactory<Program> _factory = null!;

    public async Task InitializeAsync()
    {
        var user = _fake.AddUser(ApiKey, "Tester");
        var workspace = _fake.AddWorkspace("My Company");
        _fake.AddMember(workspace, user, FakeWorkspaceRole.Owner);
        _server = await FakeGenProServer.StartAsync(_fake);
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseSetting("GenPro:ApiKey", ApiKey);
            host.UseSetting("GenPro:BaseAddress", _server.BaseAddress.ToString());
            host.UseSetting("GenPro:Retry:BaseDelay", "00:00:00.001");
            host.ConfigureServices(services => services.ConfigureHttpClientDefaults(http => http.AddStandardResilienceHandler()));
        });
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    public async Task A_create_answered_5xx_once_reaches_the_api_once(HttpStatusCode status)
    {
        _fake.Faults.Add(FakeFault.Status(status, "boom"), times: 1, method: HttpMethod.Post);
        using var http = _factory.CreateClient();

        var response = await http.PostAsJsonAsync("/agents", new { name = "ProductReviewer", description = "Reviews", workspaceId = 10 });

        response.StatusCode.Should().Be(HttpStatusCode.BadGateway, "the SDK reports the failure instead of sending the POST again");
        _fake.ReceivedRequests.Count(r => r.Method == "POST").Should().Be(1);
        _fake.Agents.Should().BeEmpty("no agent was created by a repeated POST");
    }
}
