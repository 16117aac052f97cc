using System.Net;
using System.Net.Sockets;
using GenPro.Sdk.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using WireMock.ResponseBuilders;
using static GenPro.Sdk.Tests.Infrastructure.Scenarios;

namespace GenPro.Sdk.Tests.Resilience;

/// <summary>The retry policy over the wire: what is retried, how often, after how long, and what surfaces when it gives up.</summary>
public sealed class RetryPolicyTests : IDisposable
{
    private const string CreateBody = """{"agent": {"id": 43, "name": "ProductReviewer"}}""";
    private readonly ApiServer _api = new();

    public void Dispose() => _api.Dispose();

    [Fact]
    public async Task GET_is_retried_through_two_503s_to_success()
    {
        _api.RespondInTurn("GET", "/v1/agents/42", Status(503), Status(503), Status(200, Samples.Agent));
        using var client = new GenProClient(_api.Options().FastRetries());

        var agent = await client.Agents.GetAsync(42);

        agent.Id.Should().Be(42);
        _api.Requests.Should().HaveCount(3);
    }

    [Theory]
    [InlineData(408)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(504)]
    public async Task DELETE_is_retried_on_transient_statuses(int status)
    {
        _api.RespondInTurn("DELETE", "/v1/agents/42", Status(status), Status(204));
        using var client = new GenProClient(_api.Options().FastRetries());

        await client.Agents.DeleteAsync(42);

        _api.Requests.Should().HaveCount(2);
    }

    [Fact]
    public async Task GET_is_not_retried_on_a_client_error()
    {
        _api.Respond("GET", "/v1/agents/42", 404, Samples.Error("Agent not found", "agent_not_found"));
        using var client = new GenProClient(_api.Options().FastRetries());

        await FluentActions.Awaiting(() => client.Agents.GetAsync(42)).Should().ThrowExactlyAsync<GenProNotFoundException>();

        _api.Requests.Should().HaveCount(1);
    }

    [Fact]
    public async Task When_retries_run_out_the_last_responses_typed_exception_surfaces()
    {
        _api.RespondInTurn("GET", "/v1/agents", Status(503), Status(502), Status(500, Samples.Error("Boom", null)));
        using var client = new GenProClient(_api.Options().FastRetries(maxRetries: 2));

        var e = (await FluentActions.Awaiting(() => client.Agents.ListAsync()).Should().ThrowExactlyAsync<GenProServerException>()).Which;

        e.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        e.ErrorMessage.Should().Be("Boom");
        _api.Requests.Should().HaveCount(3);
    }

    [Fact]
    public async Task Retry_after_seconds_sets_the_delay()
    {
        _api.RespondInTurn(
            "GET",
            "/v1/agents/42",
            Response.Create().WithStatusCode(429).WithHeader("Retry-After", "1"),
            Status(200, Samples.Agent));
        var time = new FakeTimeProvider();
        var options = _api.Options();
        options.Retry.MaxDelay = TimeSpan.FromSeconds(30);
        using var logging = FakeLogging(out var logs);
        using var client = new GenProClient(options, null, logging, time);

        var call = client.Agents.GetAsync(42);
        await logs.FirstRetryAsync();

        // Fake time stands still: the retry waits until the test moves it, so no real second passes.
        call.IsCompleted.Should().BeFalse();
        logs.Retries().Should().ContainSingle().Which.StructuredState!.Should()
            .Contain(new KeyValuePair<string, string?>("DelayMilliseconds", "1000"));

        // Polly arms its delay timer just after logging the retry, on another thread: move time a second at a time,
        // giving the retried request a moment of real time to answer, until the call completes.
        for (var i = 0; i < 20 && !call.IsCompleted; i++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(call, Task.Delay(50));
        }

        (await call).Id.Should().Be(42);
        _api.Requests.Should().HaveCount(2);
    }

    [Fact]
    public async Task POST_is_not_retried_on_a_5xx()
    {
        _api.Respond("POST", "/v1/agents", 503);
        using var client = new GenProClient(_api.Options().FastRetries());

        await FluentActions.Awaiting(() => client.Agents.CreateAsync(new CreateAgentRequest { Name = "ProductReviewer" }))
            .Should().ThrowExactlyAsync<GenProServerException>();

        _api.Requests.Should().HaveCount(1);
    }

    [Fact]
    public async Task POST_is_retried_on_429_and_sends_the_same_body_again()
    {
        _api.RespondInTurn("POST", "/v1/agents", Status(429), Status(201, CreateBody));
        using var client = new GenProClient(_api.Options().FastRetries());

        var agent = await client.Agents.CreateAsync(new CreateAgentRequest { Name = "ProductReviewer" });

        agent.Id.Should().Be(43);
        var requests = _api.Requests;
        requests.Should().HaveCount(2);
        requests[1].RequestMessage!.Body.Should().Be(requests[0].RequestMessage!.Body).And.Contain("ProductReviewer");
    }

    [Fact]
    public async Task PATCH_is_not_retried_when_the_connection_drops_after_sending()
    {
        using var dropping = new DroppingServer();
        var options = new GenProClientOptions { ApiKey = ApiServer.ApiKey, BaseAddress = dropping.BaseAddress }.FastRetries();
        using var client = new GenProClient(options);

        await FluentActions.Awaiting(() => client.Agents.UpdateAsync(42, new UpdateAgentRequest { Name = "TrendBot v2" }))
            .Should().ThrowExactlyAsync<GenProConnectionException>();

        dropping.Requests.Should().Be(1);
    }

    [Fact]
    public async Task GET_is_retried_when_the_connection_drops_after_sending()
    {
        using var dropping = new DroppingServer();
        using var logging = FakeLogging(out var logs);
        var options = new GenProClientOptions { ApiKey = ApiServer.ApiKey, BaseAddress = dropping.BaseAddress }.FastRetries(maxRetries: 2);
        using var client = new GenProClient(options, null, logging);

        await FluentActions.Awaiting(() => client.Agents.GetAsync(42)).Should().ThrowExactlyAsync<GenProConnectionException>();

        // SocketsHttpHandler may itself resend an idempotent request on a fresh connection, so count the policy's retries.
        logs.Retries().Should().HaveCount(2);
        dropping.Requests.Should().BeGreaterThanOrEqualTo(3);
    }

    [Fact]
    public async Task POST_is_retried_when_the_connection_is_refused()
    {
        using var logging = FakeLogging(out var logs);
        var options = new GenProClientOptions { ApiKey = ApiServer.ApiKey, BaseAddress = new Uri($"http://127.0.0.1:{FreePort()}/v1/") }.FastRetries(maxRetries: 2);
        using var client = new GenProClient(options, null, logging);

        var e = (await FluentActions.Awaiting(() => client.Agents.CreateAsync(new CreateAgentRequest { Name = "X" }))
            .Should().ThrowExactlyAsync<GenProConnectionException>()).Which;

        e.Message.Should().Be("Agents.Create failed: the connection could not be established." + e.RequestIdSuffix());
        logs.Retries().Select(r => r.Message).Should().HaveCount(2).And.AllSatisfy(m => m.Should().Contain("POST /v1/agents: retry").And.Contain("HttpRequestException"));
    }

    [Fact]
    public async Task Zero_retries_sends_once()
    {
        _api.Respond("GET", "/v1/agents", 503);
        using var client = new GenProClient(_api.Options().FastRetries(maxRetries: 0));

        await FluentActions.Awaiting(() => client.Agents.ListAsync()).Should().ThrowExactlyAsync<GenProServerException>();

        _api.Requests.Should().HaveCount(1);
    }

    [Fact]
    public async Task An_attempt_timeout_on_GET_is_retried_and_the_total_timeout_ends_the_call()
    {
        using var silent = new SilentServer();
        using var logging = FakeLogging(out var logs);
        var options = new GenProClientOptions { ApiKey = ApiServer.ApiKey, BaseAddress = silent.BaseAddress, Timeout = TimeSpan.FromMilliseconds(400) }.FastRetries(maxRetries: 10);
        options.Retry.AttemptTimeout = TimeSpan.FromMilliseconds(50);
        using var client = new GenProClient(options, null, logging);

        var e = (await FluentActions.Awaiting(() => client.Agents.GetAsync(42)).Should().ThrowExactlyAsync<GenProConnectionException>()).Which;

        e.Message.Should().Be("Agents.Get failed: the request timed out." + e.RequestIdSuffix());
        logs.Retries().Should().NotBeEmpty().And.AllSatisfy(r => r.Message.Should().EndWith("after TimeoutRejectedException"));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
