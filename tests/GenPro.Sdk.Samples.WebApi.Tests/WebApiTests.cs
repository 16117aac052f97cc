using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GenPro.Sdk.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace GenPro.Sdk.Samples.WebApi.Tests;

/// <summary>
/// The web sample, hosted in memory by WebApplicationFactory, calls the fake GEN API over real HTTP on 127.0.0.1:
/// every assertion is on the HTTP response a browser or client of the sample would get.
/// </summary>
public sealed class WebApiTests : IAsyncLifetime
{
    private const string ApiKey = "gen_pat_webapi_tests";

    private readonly FakeGenProApi _fake = new();
    private FakeGenProServer _server = null!;
    private WebApplicationFactory<Program> _factory = null!;
    private HttpClient _http = null!;
    private FakeAgent _trendBot = null!;
    private FakeUser _user = null!;

    public async Task InitializeAsync()
    {
        var user = _user = _fake.AddUser(ApiKey, "Tester");
        var workspace = _fake.AddWorkspace("My Company");
        _fake.AddMember(workspace, user, FakeWorkspaceRole.Owner);
        _trendBot = _fake.AddAgent(user, "TrendBot", workspace, "Trend analysis agent", "America/New_York");
        _server = await FakeGenProServer.StartAsync(_fake);
        _factory = CreateFactory(ApiKey);
        _http = _factory.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _factory.DisposeAsync();
        await _server.DisposeAsync();
    }

    private WebApplicationFactory<Program> CreateFactory(string apiKey) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseSetting("GenPro:ApiKey", apiKey);
            host.UseSetting("GenPro:BaseAddress", _server.BaseAddress.ToString());
            // The fault tests want the first answer, not three retries with back-off.
            host.UseSetting("GenPro:Retry:MaxRetries", "0");
        });

    [Fact]
    public async Task UseFakeGenProApi_points_the_apps_client_at_the_fake_without_a_base_address_setting()
    {
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseSetting("GenPro:ApiKey", ApiKey);
            host.ConfigureTestServices(services => services.UseFakeGenProApi(_fake));
        });
        using var http = factory.CreateClient();
        _fake.ClearReceivedRequests();

        var response = await http.GetAsync("/agents");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await ReadJsonAsync(response))[0].GetProperty("name").GetString().Should().Be("TrendBot");
        _fake.ReceivedRequests.Should().ContainSingle().Which.Header("X-API-Key").Should().Be(ApiKey);
    }

    [Fact]
    public async Task Get_agents_lists_the_seeded_agent_as_camel_case_json()
    {
        var response = await _http.GetAsync("/agents");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        var agents = await ReadJsonAsync(response);
        agents.GetArrayLength().Should().Be(1);
        agents[0].GetProperty("id").GetInt64().Should().Be(_trendBot.Id);
        agents[0].GetProperty("name").GetString().Should().Be("TrendBot");
        agents[0].GetProperty("timeZone").GetString().Should().Be("America/New_York");
        agents[0].GetProperty("role").GetString().Should().Be("owner");
    }

    [Fact]
    public async Task Get_agent_by_id_returns_it()
    {
        var response = await _http.GetAsync($"/agents/{_trendBot.Id}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var agent = await ReadJsonAsync(response);
        agent.GetProperty("name").GetString().Should().Be("TrendBot");
        agent.GetProperty("description").GetString().Should().Be("Trend analysis agent");
    }

    [Fact]
    public async Task Unknown_agent_is_a_404_problem_with_the_api_error_code()
    {
        var response = await _http.GetAsync("/agents/999");

        var problem = await ReadProblemAsync(response, HttpStatusCode.NotFound);
        problem.GetProperty("type").GetString().Should().Be("https://tools.ietf.org/html/rfc9110#section-15.5.5");
        problem.GetProperty("title").GetString().Should().Be("Not found");
        problem.GetProperty("status").GetInt32().Should().Be(404);
        problem.GetProperty("errorCode").GetString().Should().Be("agent_not_found");
    }

    [Fact]
    public async Task Post_creates_an_agent_and_a_duplicate_name_is_a_422_problem()
    {
        var body = new { name = "ProductReviewer", description = "Reviews trending products", workspaceId = 10 };

        var created = await _http.PostAsJsonAsync("/agents", body);

        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var agent = await ReadJsonAsync(created);
        var id = agent.GetProperty("id").GetInt64();
        created.Headers.Location!.ToString().Should().Be($"/agents/{id}");
        agent.GetProperty("name").GetString().Should().Be("ProductReviewer");
        _fake.Agents.Should().ContainSingle(a => a.Id == id && a.Name == "ProductReviewer");

        var duplicate = await _http.PostAsJsonAsync("/agents", body);

        var problem = await ReadProblemAsync(duplicate, HttpStatusCode.UnprocessableEntity);
        problem.GetProperty("title").GetString().Should().Be("The GEN API refused the request");
        problem.GetProperty("errorCode").GetString().Should().Be("agent_creation_failed");
        problem.GetProperty("detail").GetString().Should().NotBeNullOrEmpty();
        _fake.Agents.Where(a => a.Name == "ProductReviewer").Should().HaveCount(1);
    }

    [Fact]
    public async Task Post_without_a_name_is_a_400_validation_problem_and_never_reaches_the_api()
    {
        _fake.ClearReceivedRequests();

        var response = await _http.PostAsJsonAsync("/agents", new { description = "no name" });

        var problem = await ReadProblemAsync(response, HttpStatusCode.BadRequest);
        problem.GetProperty("errors").GetProperty("name")[0].GetString().Should().Be("A name is required.");
        _fake.ReceivedRequests.Should().BeEmpty();
    }

    [Fact]
    public async Task Delete_removes_the_agent()
    {
        var response = await _http.DeleteAsync($"/agents/{_trendBot.Id}");

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
        _fake.Agents.Single(a => a.Id == _trendBot.Id).IsDeleted.Should().BeTrue();
        (await _http.GetAsync($"/agents/{_trendBot.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Avatars_stream_every_page_primary_first()
    {
        for (var i = 0; i < 45; i++)
        {
            _fake.AddAvatar(_trendBot.Id, deGodAvatarId: i % 2 == 0 ? null : i);
        }

        var response = await _http.GetAsync($"/agents/{_trendBot.Id}/avatars");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var avatars = await ReadJsonAsync(response);
        avatars.GetArrayLength().Should().Be(45);   // three pages of the GEN API, each listing the primary again
        avatars[0].GetProperty("isPrimary").GetBoolean().Should().BeTrue();
        avatars.EnumerateArray().Select(a => a.GetProperty("id").GetInt64()).Should().OnlyHaveUniqueItems();
        avatars[1].GetProperty("deGodAvatarId").GetInt64().Should().Be(1);
    }

    [Fact]
    public async Task Avatars_of_an_unknown_agent_are_a_404_problem()
    {
        var response = await _http.GetAsync("/agents/999/avatars");

        var problem = await ReadProblemAsync(response, HttpStatusCode.NotFound);
        problem.GetProperty("errorCode").GetString().Should().Be("agent_not_found");
    }

    [Fact]
    public async Task An_upstream_5xx_is_a_502_problem_without_upstream_details()
    {
        _fake.Faults.Add(FakeFault.Status(HttpStatusCode.InternalServerError, "boom", "secret stack trace"));

        var response = await _http.GetAsync("/agents");

        var problem = await ReadProblemAsync(response, HttpStatusCode.BadGateway);
        problem.GetProperty("title").GetString().Should().Be("The GEN API failed");
        problem.TryGetProperty("detail", out _).Should().BeFalse();
        (await response.Content.ReadAsStringAsync()).Should().NotContain("secret stack trace");
    }

    [Fact]
    public async Task A_dropped_connection_is_a_503_problem()
    {
        _fake.Faults.Add(FakeFault.DropConnection());

        var response = await _http.GetAsync("/agents");

        var problem = await ReadProblemAsync(response, HttpStatusCode.ServiceUnavailable);
        problem.GetProperty("title").GetString().Should().Be("The GEN API could not be reached");
    }

    [Fact]
    public async Task Rate_limiting_is_a_429_problem_with_retry_after()
    {
        _fake.Faults.Add(FakeFault.RateLimited(TimeSpan.FromSeconds(7)));

        var response = await _http.GetAsync($"/agents/{_trendBot.Id}");

        await ReadProblemAsync(response, HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(7));
    }

    [Fact]
    public async Task A_refused_api_key_is_a_502_problem_not_a_401()
    {
        await using var factory = CreateFactory("gen_pat_revoked");
        using var http = factory.CreateClient();

        var response = await http.GetAsync("/agents");

        var problem = await ReadProblemAsync(response, HttpStatusCode.BadGateway);
        problem.GetProperty("title").GetString().Should().Be("The GEN API refused this service's credentials");
        problem.GetProperty("errorCode").GetString().Should().Be("unauthorized");
    }

    [Fact]
    public async Task An_agents_primary_avatar_is_proxied_as_its_picture_and_an_agent_without_one_is_404()
    {
        _fake.AddAvatar(_trendBot.Id, deGodAvatarId: 7);
        var bare = _fake.AddAgent(_user, "Bare");

        var response = await _http.GetAsync($"/agents/{_trendBot.Id}/avatar");
        var missing = await _http.GetAsync($"/agents/{bare.Id}/avatar");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("image/png");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes.Should().StartWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }).And.HaveCountGreaterThan(100, "the fake's 64×64 DeGod picture");
        missing.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_host_does_not_start_without_an_api_key()
    {
        await using var factory = CreateFactory("");

        var start = () => factory.CreateClient();

        start.Should().Throw<Microsoft.Extensions.Options.OptionsValidationException>().WithMessage("*ApiKey*");
    }

    private static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    private static async Task<JsonElement> ReadProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        response.StatusCode.Should().Be(expected);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await ReadJsonAsync(response);
        problem.GetProperty("status").GetInt32().Should().Be((int)expected);
        return problem;
    }
}
