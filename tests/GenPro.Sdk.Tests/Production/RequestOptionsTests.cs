using GenPro.Sdk.Tests.Infrastructure;
using static GenPro.Sdk.Tests.Infrastructure.Scenarios;

namespace GenPro.Sdk.Tests.Production;

/// <summary>Per-call headers and timeout; headers the SDK owns are refused before anything is sent.</summary>
public sealed class RequestOptionsTests : IDisposable
{
    private readonly ApiServer _api = new();

    public void Dispose() => _api.Dispose();

    [Fact]
    public async Task Extra_headers_travel_on_every_attempt_and_calls_without_options_send_none()
    {
        _api.RespondInTurn("DELETE", "/v1/agents/42", Status(503), Status(204));
        _api.Respond("DELETE", "/v1/agents/43", 204);
        var options = new GenProRequestOptions { Headers = { ["X-Tenant"] = "acme", ["Idempotency-Note"] = "from test" } };

        await _api.Client.Agents.DeleteAsync(42, options);
        await _api.Client.Agents.DeleteAsync(43);

        var requests = _api.Requests.Select(r => r.RequestMessage!).ToList();
        var withOptions = requests.Where(r => r.Path == "/v1/agents/42").ToList();
        withOptions.Should().HaveCount(2).And.AllSatisfy(r => r.Header("X-Tenant").Should().Be("acme"));
        withOptions.Should().AllSatisfy(r => r.Header("X-API-Key").Should().Be(ApiServer.ApiKey));
        requests.Single(r => r.Path == "/v1/agents/43").Header("X-Tenant").Should().BeNull();
    }

    [Theory]
    [InlineData("X-API-Key")]
    [InlineData("x-api-key")]
    [InlineData("Host")]
    [InlineData("Content-Type")]
    [InlineData("content-length")]
    [InlineData("X-Request-Id")]
    public async Task A_header_the_sdk_owns_is_refused_before_sending(string name)
    {
        var options = new GenProRequestOptions { Headers = { [name] = "evil" } };

        var e = (await FluentActions.Awaiting(() => _api.Client.Agents.GetAsync(1, false, options)).Should().ThrowAsync<ArgumentException>()).Which;

        e.ParamName.Should().Be("requestOptions");
        e.Message.Should().Contain($"may not set '{name}'");
        _api.Requests.Should().BeEmpty();
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("")]
    [InlineData("naïve")]
    public async Task A_request_id_the_server_would_alter_is_refused_before_sending(string id)
    {
        var options = new GenProRequestOptions { RequestId = id };

        await FluentActions.Awaiting(() => _api.Client.Avatars.SetPrimaryAsync(1, 2, options)).Should().ThrowAsync<ArgumentException>()
            .WithMessage("*RequestId must be 1 to 255 letters*");
        _api.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task A_header_value_with_a_line_break_is_refused_before_sending()
    {
        var options = new GenProRequestOptions { Headers = { ["X-Note"] = "a\r\nX-API-Key: stolen" } };

        await FluentActions.Awaiting(() => _api.Client.Avatars.DeleteAsync(1, [2L], options)).Should().ThrowAsync<ArgumentException>();
        _api.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task A_per_call_timeout_ends_a_hanging_call_with_a_connection_exception()
    {
        using var silent = LoopbackServer.Silent();
        using var client = new GenProClient(ApiServer.FastOptions(silent.BaseAddress));

        var call = client.Agents.GetAsync(1, false, new GenProRequestOptions { Timeout = TimeSpan.FromMilliseconds(200) });

        var e = (await FluentActions.Awaiting(() => call.WaitAsync(TimeSpan.FromSeconds(30))).Should().ThrowAsync<GenProConnectionException>()).Which;
        e.Message.Should().StartWith("Agents.Get failed: it timed out after 0.2 s (GenProRequestOptions.Timeout), which bounds the whole call");
        e.InnerException.Should().BeAssignableTo<OperationCanceledException>();
    }

    [Fact]
    public async Task A_per_call_timeout_also_bounds_a_body_that_drips_after_the_headers()
    {
        using var server = LoopbackServer.Scripted((_, stream) =>
            Security.TimeoutTests.Drip(stream, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n", "{"));
        using var client = new GenProClient(ApiServer.FastOptions(server.BaseAddress));

        var call = client.Agents.GetAsync(1, false, new GenProRequestOptions { Timeout = TimeSpan.FromMilliseconds(500) });

        var e = (await FluentActions.Awaiting(() => call.WaitAsync(TimeSpan.FromSeconds(30))).Should().ThrowAsync<GenProConnectionException>()).Which;
        e.Message.Should().Be(
            "GET /v1/agents/1 failed: it timed out after 0.5 s (GenProRequestOptions.Timeout), which bounds the whole call: "
            + "sending, retries and reading the response body." + e.RequestIdSuffix());
    }

    [Fact]
    public async Task The_callers_own_cancellation_stays_a_cancellation()
    {
        using var silent = LoopbackServer.Silent();
        using var client = new GenProClient(ApiServer.FastOptions(silent.BaseAddress));
        using var cts = new CancellationTokenSource();

        var call = client.Agents.GetAsync(1, false, new GenProRequestOptions { Timeout = TimeSpan.FromMinutes(5) }, cts.Token);
        await silent.FirstRequest.WaitAsync(TimeSpan.FromSeconds(30));
        await cts.CancelAsync();

        await FluentActions.Awaiting(() => call.WaitAsync(TimeSpan.FromSeconds(30))).Should().ThrowAsync<OperationCanceledException>();
    }
}
