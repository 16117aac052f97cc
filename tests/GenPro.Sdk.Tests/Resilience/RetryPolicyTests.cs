using System.Net;
using System.Net.Sockets;
using GenPro.Sdk.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using WireMock.ResponseBuilders;
using static GenPro.Sdk.Tests.Infrastructure.Scenarios;

namespace GenPro.Sdk.Tests.Resilience;

/// <summary>
/// The retry policy over the wire, row by row of the README's retry table, for a constructed client and one from
/// <c>AddGenProClient</c> alike: what is retried, how often, after how long, and what surfaces when it gives up.
/// </summary>
public sealed class RetryPolicyTests : IDisposable
{
    private const string CreateBody = """{"agent": {"id": 43, "name": "ProductReviewer"}}""";
    private readonly ApiServer _api = new();

    public void Dispose() => _api.Dispose();

    public static TheoryData<string> Paths => ClientPaths.Both;

    public static TheoryData<string, string, int> TransientStatuses => ClientPaths.Cross(
        [.. new[] { "GET", "DELETE" }.SelectMany(m => new[] { 408, 429, 500, 502, 503, 504 }.Select(s => (m, s)))]);

    public static TheoryData<string, string, int> OtherStatuses => ClientPaths.Cross(
        [.. new[] { "GET", "DELETE" }.SelectMany(m => new[] { 401, 403, 404, 422, 501 }.Select(s => (m, s)))]);

    public static TheoryData<string, string, int> WriteServerErrors => ClientPaths.Cross(
        [.. new[] { "POST", "PATCH" }.SelectMany(m => new[] { 500, 502, 503, 504 }.Select(s => (m, s)))]);

    public static TheoryData<string, string> Writes => ClientPaths.Cross("POST", "PATCH");

    public static TheoryData<string, int> RetriedStatuses => ClientPaths.Cross(429, 503);

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task GET_is_retried_through_two_503s_to_success(string path)
    {
        _api.RespondInTurn("GET", "/v1/agents/42", Status(503), Status(503), Status(200, Samples.Agent));
        using var client = ClientPaths.Create(path, _api.Options().FastRetries());

        var agent = await client.Agents.GetAsync(42);

        agent.Id.Should().Be(42);
        _api.Requests.Should().HaveCount(3);
    }

    [Theory]
    [MemberData(nameof(TransientStatuses))]
    public async Task GET_and_DELETE_are_retried_on_transient_statuses(string path, string method, int status)
    {
        _api.RespondInTurn(method, Route(method), Status(status), Success(method));
        using var client = ClientPaths.Create(path, _api.Options().FastRetries());

        await Call(client, method);

        _api.Requests.Should().HaveCount(2);
    }

    [Theory]
    [MemberData(nameof(OtherStatuses))]
    public async Task GET_and_DELETE_are_not_retried_on_other_statuses(string path, string method, int status)
    {
        _api.Respond(method, Route(method), status, Samples.Error("No", "some_error"));
        using var client = ClientPaths.Create(path, _api.Options().FastRetries());

        (await FluentActions.Awaiting(() => Call(client, method)).Should().ThrowAsync<GenProApiException>())
            .Which.StatusCode.Should().Be((HttpStatusCode)status);

        _api.Requests.Should().HaveCount(1);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task GET_is_not_retried_on_a_client_error(string path)
    {
        _api.Respond("GET", "/v1/agents/42", 404, Samples.Error("Agent not found", "agent_not_found"));
        using var client = ClientPaths.Create(path, _api.Options().FastRetries());

        await FluentActions.Awaiting(() => client.Agents.GetAsync(42)).Should().ThrowExactlyAsync<GenProNotFoundException>();

        _api.Requests.Should().HaveCount(1);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task When_retries_run_out_the_last_responses_typed_exception_surfaces(string path)
    {
        _api.RespondInTurn("GET", "/v1/agents", Status(503), Status(502), Status(500, Samples.Error("Boom", null)));
        using var client = ClientPaths.Create(path, _api.Options().FastRetries(maxRetries: 2));

        var e = (await FluentActions.Awaiting(() => client.Agents.ListAsync()).Should().ThrowExactlyAsync<GenProServerException>()).Which;

        e.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        e.ErrorMessage.Should().Be("Boom");
        _api.Requests.Should().HaveCount(3);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Retry_after_seconds_sets_the_delay(string path)
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
        using var client = ClientPaths.Create(path, options, logging, time);

        var call = client.Agents.GetAsync(42);
        await logs.FirstRetryAsync();

        // Fake time stands still: the retry waits until the test moves it, so no real second passes.
        call.IsCompleted.Should().BeFalse();
        logs.Retries().Should().ContainSingle().Which.StructuredState!.Should()
            .Contain(new KeyValuePair<string, string?>("Delay", "1 s"));

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

    [Theory]
    [MemberData(nameof(WriteServerErrors))]
    public async Task POST_and_PATCH_are_not_retried_on_a_5xx(string path, string method, int status)
    {
        _api.Respond(method, Route(method), status);
        using var client = ClientPaths.Create(path, _api.Options().FastRetries());

        await FluentActions.Awaiting(() => Call(client, method)).Should().ThrowExactlyAsync<GenProServerException>();

        _api.Requests.Should().HaveCount(1);
    }

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task POST_and_PATCH_are_retried_on_429_and_send_the_same_body_again(string path, string method)
    {
        _api.RespondInTurn(method, Route(method), Status(429), Success(method));
        using var client = ClientPaths.Create(path, _api.Options().FastRetries());

        await Call(client, method);

        var requests = _api.Requests;
        requests.Should().HaveCount(2);
        requests[1].RequestMessage!.Body.Should().Be(requests[0].RequestMessage!.Body).And.Contain("\"name\"");
    }

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task POST_and_PATCH_are_not_retried_when_the_connection_drops_after_sending(string path, string method)
    {
        using var dropping = LoopbackServer.Dropping();
        var options = new GenProClientOptions { ApiKey = ApiServer.ApiKey, BaseAddress = dropping.BaseAddress }.FastRetries();
        using var client = ClientPaths.Create(path, options);

        await FluentActions.Awaiting(() => Call(client, method)).Should().ThrowExactlyAsync<GenProConnectionException>();

        dropping.Requests.Should().HaveCount(1);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task GET_is_retried_when_the_connection_drops_after_sending(string path)
    {
        using var dropping = LoopbackServer.Dropping();
        using var logging = FakeLogging(out var logs);
        var options = new GenProClientOptions { ApiKey = ApiServer.ApiKey, BaseAddress = dropping.BaseAddress }.FastRetries(maxRetries: 2);
        using var client = ClientPaths.Create(path, options, logging);

        await FluentActions.Awaiting(() => client.Agents.GetAsync(42)).Should().ThrowExactlyAsync<GenProConnectionException>();

        // SocketsHttpHandler may itself resend an idempotent request on a fresh connection, so count the policy's retries.
        logs.Retries().Should().HaveCount(2);
        dropping.Requests.Count.Should().BeGreaterThanOrEqualTo(3);
    }

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task POST_and_PATCH_are_retried_when_the_connection_is_refused(string path, string method)
    {
        using var logging = FakeLogging(out var logs);
        var options = new GenProClientOptions { ApiKey = ApiServer.ApiKey, BaseAddress = new Uri($"http://127.0.0.1:{FreePort()}/v1/") }.FastRetries(maxRetries: 2);
        using var client = ClientPaths.Create(path, options, logging);

        var e = (await FluentActions.Awaiting(() => Call(client, method)).Should().ThrowExactlyAsync<GenProConnectionException>()).Which;

        e.Message.Should().Match("*failed: the connection could not be established" + Retried.After(3) + "." + e.RequestIdSuffix());
        logs.Retries().Select(r => r.Message).Should().HaveCount(2)
            .And.AllSatisfy(m => m.Should().Contain($"{method} {Route(method)}: retry").And.Contain("HttpRequestException"));
    }

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task POST_and_PATCH_are_not_retried_after_a_timeout(string path, string method)
    {
        using var silent = LoopbackServer.Silent();
        using var logging = FakeLogging(out var logs);
        var options = new GenProClientOptions { ApiKey = ApiServer.ApiKey, BaseAddress = silent.BaseAddress, Timeout = TimeSpan.FromMilliseconds(300) }.FastRetries();
        options.Retry.AttemptTimeout = TimeSpan.FromMilliseconds(50);
        using var client = ClientPaths.Create(path, options, logging);

        var e = (await FluentActions.Awaiting(() => Call(client, method)).Should().ThrowExactlyAsync<GenProConnectionException>()).Which;

        e.Message.Should().EndWith("failed: it timed out after 0.3 s (GenProClientOptions.Timeout), which bounds the whole call: sending, retries and reading the response body." + e.RequestIdSuffix());
        logs.Retries().Should().BeEmpty("a write has no attempt timeout and is not retried after the total one");
    }

    [Theory]
    [MemberData(nameof(RetriedStatuses))]
    public async Task A_body_that_cannot_be_sent_twice_is_never_retried(string path, int status)
    {
        using var server = LoopbackServer.Recording(status);
        using var client = ClientPaths.Create(path, ApiServer.FastOptions(server.BaseAddress));

        await FluentActions.Awaiting(() => client.Avatars.UploadAsync(42, AvatarUpload.FromStream(new Images.NonSeekableStream(Images.Png), "face.png")))
            .Should().ThrowAsync<GenProApiException>();

        server.Requests.Should().ContainSingle();
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Zero_retries_sends_once(string path)
    {
        _api.Respond("GET", "/v1/agents", 503);
        using var client = ClientPaths.Create(path, _api.Options().FastRetries(maxRetries: 0));

        await FluentActions.Awaiting(() => client.Agents.ListAsync()).Should().ThrowExactlyAsync<GenProServerException>();

        _api.Requests.Should().HaveCount(1);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task An_attempt_timeout_on_GET_is_retried_and_the_total_timeout_ends_the_call(string path)
    {
        using var silent = LoopbackServer.Silent();
        using var logging = FakeLogging(out var logs);
        var options = new GenProClientOptions { ApiKey = ApiServer.ApiKey, BaseAddress = silent.BaseAddress, Timeout = TimeSpan.FromMilliseconds(400) }.FastRetries(maxRetries: 10);
        options.Retry.AttemptTimeout = TimeSpan.FromMilliseconds(50);
        using var client = ClientPaths.Create(path, options, logging);

        var e = (await FluentActions.Awaiting(() => client.Agents.GetAsync(42)).Should().ThrowExactlyAsync<GenProConnectionException>()).Which;

        e.AttemptCount.Should().BeGreaterThan(1);
        e.Message.Should().Be($"Agents.Get failed: it timed out after {e.AttemptCount} attempts over 0.4 s (GenProClientOptions.Timeout), which bounds the whole call: sending, retries and reading the response body." + e.RequestIdSuffix());
        logs.Retries().Should().NotBeEmpty().And.AllSatisfy(r => r.Message.Should().EndWith("after TimeoutRejectedException"));
    }

    private static string Route(string method) => method == "POST" ? "/v1/agents" : "/v1/agents/42";

    private static IResponseBuilder Success(string method) => method switch
    {
        "GET" => Status(200, Samples.Agent),
        "DELETE" => Status(204),
        "POST" => Status(201, CreateBody),
        _ => Status(200, Samples.UpdatedAgent),
    };

    private static Task Call(TestClient client, string method) => method switch
    {
        "GET" => client.Agents.GetAsync(42),
        "DELETE" => client.Agents.DeleteAsync(42),
        "POST" => client.Agents.CreateAsync(new CreateAgentRequest { Name = "ProductReviewer" }),
        "PATCH" => client.Agents.UpdateAsync(42, new UpdateAgentRequest { Name = "TrendBot v2" }),
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, null),
    };

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
