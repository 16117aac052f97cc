using System.Net;
using GenPro.Sdk.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace GenPro.Sdk.Tests.Resilience;

/// <summary>
/// When the retry policy gives up, the exception says so: how many times the request was sent and over how long, in
/// its message and in <see cref="GenProException.AttemptCount"/>; a call sent once reads as before, with a count of 1.
/// The servers are real sockets on loopback; each moves the client's fake clock by <see cref="Step"/> as a request
/// arrives and the retry delay is zero, so every attempt takes exactly one step and the durations are exact.
/// </summary>
public sealed class ExhaustedRetryTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(800);

    public static TheoryData<string> Paths => ClientPaths.Both;

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task A_503_after_every_retry_says_how_many_attempts_over_how_long(string path)
    {
        var time = new FakeTimeProvider();
        using var server = Answering(time, 503, """{"error": "Down for maintenance"}""");
        using var client = ClientPaths.Create(path, Options(server, maxRetries: 3), time: time);

        var e = (await FluentActions.Awaiting(() => client.Agents.GetAsync(9)).Should().ThrowExactlyAsync<GenProServerException>()).Which;

        e.Message.Should().Be("GET /v1/agents/9 answered 503 ServiceUnavailable after 4 attempts over 3.2 s: Down for maintenance" + e.RequestIdSuffix());
        e.AttemptCount.Should().Be(4);
        server.Requests.Should().HaveCount(4);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task A_429_after_every_retry_says_so_and_keeps_its_error_code(string path)
    {
        var time = new FakeTimeProvider();
        using var server = Answering(time, 429, Samples.Error("Slow down", "rate_limited"));
        using var client = ClientPaths.Create(path, Options(server, maxRetries: 2), time: time);

        var e = (await FluentActions.Awaiting(() => client.Agents.DeleteAsync(42)).Should().ThrowExactlyAsync<GenProRateLimitException>()).Which;

        e.Message.Should().Be("DELETE /v1/agents/42 answered 429 TooManyRequests after 3 attempts over 2.4 s (rate_limited): Slow down" + e.RequestIdSuffix());
        e.AttemptCount.Should().Be(3);
        e.ErrorCode.Should().Be(GenProErrorCodes.RateLimited);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task A_connection_dropped_on_every_attempt_says_how_many_attempts(string path)
    {
        var time = new FakeTimeProvider();
        using var server = new LoopbackServer(async connection =>
        {
            await connection.ReadHeadAsync();
            time.Advance(Step);
            connection.Reset();
        });
        using var client = ClientPaths.Create(path, Options(server, maxRetries: 2), time: time);

        var e = (await FluentActions.Awaiting(() => client.Agents.GetAsync(42)).Should().ThrowExactlyAsync<GenProConnectionException>()).Which;

        // SocketsHttpHandler may resend a request on a fresh connection by itself, within one attempt of the policy: the
        // clock moved once per request the server saw.
        var over = Step * server.Requests.Count;
        e.Message.Should().Be($"Agents.Get failed: the server closed the connection before answering in full after 3 attempts over {Seconds(over)}." + e.RequestIdSuffix());
        e.AttemptCount.Should().Be(3);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task An_attempt_timeout_on_every_attempt_says_how_many_attempts(string path)
    {
        var time = new FakeTimeProvider();

        // Never answers; moving the clock by the attempt timeout as the request arrives ends the attempt.
        using var server = new LoopbackServer(async connection =>
        {
            await connection.ReadHeadAsync();
            time.Advance(Step);
            await Task.Delay(Timeout.Infinite, connection.Closing);
        });
        var options = Options(server, maxRetries: 2);
        options.Retry.AttemptTimeout = Step;
        using var client = ClientPaths.Create(path, options, time: time);

        var e = (await FluentActions.Awaiting(() => client.Agents.GetAsync(42)).Should().ThrowExactlyAsync<GenProConnectionException>()).Which;

        e.Message.Should().Be("Agents.Get failed: the request timed out after 3 attempts over 2.4 s." + e.RequestIdSuffix());
        e.AttemptCount.Should().Be(3);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task The_whole_call_timeout_after_retries_says_how_many_attempts(string path)
    {
        var time = new FakeTimeProvider();
        using var server = Answering(time, 503, null);
        var options = Options(server, maxRetries: 10);
        options.Timeout = TimeSpan.FromSeconds(2);
        using var client = ClientPaths.Create(path, options, time: time);

        var e = (await FluentActions.Awaiting(() => client.Agents.GetAsync(42)).Should().ThrowExactlyAsync<GenProConnectionException>()).Which;

        // 0.8 s and 1.6 s answered 503; the third request moved the clock past 2 s before its answer could be read.
        e.Message.Should().Be("Agents.Get failed: it timed out after 3 attempts over 2 s (GenProClientOptions.Timeout), which bounds the whole call: sending, retries and reading the response body." + e.RequestIdSuffix());
        e.AttemptCount.Should().Be(3);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task A_retry_the_server_refused_to_wait_for_says_both(string path)
    {
        var time = new FakeTimeProvider();
        using var server = new LoopbackServer(async connection =>
        {
            while (await connection.ReadRequestAsync(keepBody: false) is { } request)
            {
                time.Advance(Step);
                var wait = request.Index == 0 ? "0" : "60";
                var body = Samples.Error("Slow down", "rate_limited");
                await connection.WriteAsync($"HTTP/1.1 429 X\r\nRetry-After: {wait}\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n{body}");
            }
        });
        var options = Options(server, maxRetries: 3);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(5);
        using var client = ClientPaths.Create(path, options, time: time);

        var e = (await FluentActions.Awaiting(() => client.Agents.GetAsync(42)).Should().ThrowExactlyAsync<GenProRateLimitException>()).Which;

        e.Message.Should().Be("GET /v1/agents/42 answered 429 TooManyRequests after 2 attempts over 1.6 s (rate_limited): Slow down. "
            + "Not retried: the server asked to wait 1 min, longer than Retry.MaxDelay (5 s)." + e.RequestIdSuffix());
        e.AttemptCount.Should().Be(2);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task A_call_that_was_not_retried_says_nothing_more_and_counts_one_attempt(string path)
    {
        var time = new FakeTimeProvider();
        using var server = Answering(time, 422, Samples.Error("Agent not found", "agent_not_found"));
        using var client = ClientPaths.Create(path, Options(server, maxRetries: 3), time: time);

        var e = (await FluentActions.Awaiting(() => client.Agents.GetAsync(42)).Should().ThrowExactlyAsync<GenProNotFoundException>()).Which;

        e.Message.Should().Be("GET /v1/agents/42 answered 422 UnprocessableEntity (agent_not_found): Agent not found" + e.RequestIdSuffix());
        e.AttemptCount.Should().Be(1);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task A_POST_503_is_sent_once_and_says_nothing_more(string path)
    {
        var time = new FakeTimeProvider();
        using var server = Answering(time, 503, null);
        using var client = ClientPaths.Create(path, Options(server, maxRetries: 3), time: time);

        var e = (await FluentActions.Awaiting(() => client.Agents.CreateAsync(new CreateAgentRequest { Name = "TrendBot" }))
            .Should().ThrowExactlyAsync<GenProServerException>()).Which;

        e.Message.Should().Be("POST /v1/agents answered 503 ServiceUnavailable" + e.RequestIdSuffix());
        e.AttemptCount.Should().Be(1);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Retries_that_end_in_success_then_an_unreadable_body_say_so(string path)
    {
        var time = new FakeTimeProvider();
        using var server = Answering(time, 503, null);
        server.StatusOf = i =>
        {
            time.Advance(Step);
            server.ResponseJson = i == 0 ? null : "[1, 2";
            return i == 0 ? 503 : 200;
        };
        using var client = ClientPaths.Create(path, Options(server, maxRetries: 3), time: time);

        var e = (await FluentActions.Awaiting(() => client.Agents.ListAsync()).Should().ThrowExactlyAsync<GenProApiException>()).Which;

        e.Message.Should().StartWith("GET /v1/agents answered 200 OK after 2 attempts over 1.6 s, but its body could not be read as AgentSummary list: ");
        e.AttemptCount.Should().Be(2);
    }

    [Fact]
    public void An_exception_made_outside_a_call_counts_no_attempt()
    {
        new GenProException("made by a test").AttemptCount.Should().Be(0);
    }

    [Fact]
    public void Mocks_get_an_attempt_count_from_the_model_factory()
    {
        GenProModelFactory.ApiException(HttpStatusCode.ServiceUnavailable, attemptCount: 4).AttemptCount.Should().Be(4);
        GenProModelFactory.ApiException(HttpStatusCode.NotFound).AttemptCount.Should().Be(1, "as the SDK counts a call sent once");
        GenProModelFactory.ConnectionException("Agents.Get failed: the request timed out.", attemptCount: 3).AttemptCount.Should().Be(3);
        FluentActions.Invoking(() => GenProModelFactory.ConnectionException("x", attemptCount: -1)).Should().ThrowExactly<ArgumentOutOfRangeException>()
            .Which.ParamName.Should().Be("attemptCount");
    }

    /// <summary>Answers every request with <paramref name="status"/> and <paramref name="json"/>, one <see cref="Step"/> later.</summary>
    private static LoopbackServer Answering(FakeTimeProvider time, int status, string? json)
    {
        var server = LoopbackServer.Recording(status, json, keepBodies: false);
        server.StatusOf = _ =>
        {
            time.Advance(Step);
            return status;
        };
        return server;
    }

    /// <summary>The default policy with no delay between attempts: the clock moves only when the server says so.</summary>
    private static GenProClientOptions Options(LoopbackServer server, int maxRetries)
    {
        var options = new GenProClientOptions { ApiKey = ApiServer.ApiKey, BaseAddress = server.BaseAddress };
        options.Retry.MaxRetries = maxRetries;
        options.Retry.BaseDelay = TimeSpan.Zero;
        return options;
    }

    private static string Seconds(TimeSpan duration) =>
        duration.TotalSeconds.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + " s";
}
