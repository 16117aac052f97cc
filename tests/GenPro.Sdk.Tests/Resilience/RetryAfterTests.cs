using GenPro.Sdk.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using WireMock.ResponseBuilders;
using static GenPro.Sdk.Tests.Infrastructure.Scenarios;

namespace GenPro.Sdk.Tests.Resilience;

/// <summary>
/// A server's <c>Retry-After</c> is honoured in full or not at all: a wait the policy may not make (longer than
/// <c>MaxDelay</c>, or than what is left of <c>Timeout</c>) ends the call at once with the server's value, and the
/// message says why no retry was made.
/// </summary>
public sealed class RetryAfterTests : IDisposable
{
    private readonly ApiServer _api = new();

    public void Dispose() => _api.Dispose();

    [Fact]
    public async Task A_retry_after_longer_than_max_delay_throws_at_once_with_the_servers_value()
    {
        _api.RespondInTurn("GET", "/v1/agents", RateLimited("60"), Status(200, "[]"));
        var options = _api.Options();
        options.Retry.MaxDelay = TimeSpan.FromSeconds(5);
        using var client = new GenProClient(options, null, null, new FakeTimeProvider());

        var e = (await FluentActions.Awaiting(() => client.Agents.ListAsync()).Should().ThrowExactlyAsync<GenProRateLimitException>()).Which;

        e.RetryAfter.Should().Be(TimeSpan.FromSeconds(60));
        e.Message.Should().Be(
            "GET /v1/agents answered 429 TooManyRequests (rate_limited): Slow down. "
            + "Not retried: the server asked to wait 1 min, longer than Retry.MaxDelay (5 s)." + e.RequestIdSuffix());
        _api.Requests.Should().HaveCount(1);
    }

    [Fact]
    public async Task A_retry_after_that_would_outlast_the_timeout_throws_at_once()
    {
        _api.RespondInTurn("GET", "/v1/agents", RateLimited("20"), Status(200, "[]"));
        var options = _api.Options();
        options.Retry.MaxDelay = TimeSpan.FromSeconds(30);
        options.Timeout = TimeSpan.FromSeconds(15);
        using var client = new GenProClient(options, null, null, new FakeTimeProvider());

        var e = (await FluentActions.Awaiting(() => client.Agents.ListAsync()).Should().ThrowExactlyAsync<GenProRateLimitException>()).Which;

        e.RetryAfter.Should().Be(TimeSpan.FromSeconds(20));
        e.Message.Should().EndWith("Not retried: the server asked to wait 20 s, longer than the 15 s left of Timeout." + e.RequestIdSuffix());
        _api.Requests.Should().HaveCount(1);
    }

    [Fact]
    public async Task With_dependency_injection_the_same_rule_applies_on_the_registered_time_provider()
    {
        _api.RespondInTurn("GET", "/v1/agents", RateLimited("20"), Status(200, "[]"));
        var settings = new Dictionary<string, string?>
        {
            ["GenPro:ApiKey"] = ApiServer.ApiKey,
            ["GenPro:BaseAddress"] = _api.BaseAddress.ToString(),
            ["GenPro:Timeout"] = "00:00:15",
        };
        using var host = DependencyInjection.AddGenProClientTests.BuildHost(settings, (s, c) =>
        {
            s.AddSingleton<TimeProvider>(new FakeTimeProvider());
            s.AddGenProClient(c.GetSection("GenPro"));
        });
        await host.StartAsync();

        var e = (await FluentActions.Awaiting(() => host.Services.GetRequiredService<IAgentsClient>().ListAsync())
            .Should().ThrowExactlyAsync<GenProRateLimitException>()).Which;

        // Exactly 15 s left: the deadline was taken on the registered fake clock, which has not moved.
        e.Message.Should().EndWith("Not retried: the server asked to wait 20 s, longer than the 15 s left of Timeout." + e.RequestIdSuffix());
        e.RetryAfter.Should().Be(TimeSpan.FromSeconds(20));
        _api.Requests.Should().HaveCount(1);
        await host.StopAsync();
    }

    [Fact]
    public async Task A_retry_after_within_max_delay_is_waited_in_full_never_less()
    {
        _api.RespondInTurn("GET", "/v1/agents", RateLimited("3"), Status(200, "[]"));
        var options = _api.Options();
        options.Retry.MaxDelay = TimeSpan.FromSeconds(30);
        var time = new FakeTimeProvider();
        using var logging = FakeLogging(out var logs);
        using var client = new GenProClient(options, null, logging, time);

        var call = client.Agents.ListAsync();
        await logs.FirstRetryAsync();

        // The delay Polly arms is the one it logs: the server's three seconds, not MaxDelay nor a jittered backoff.
        var retry = logs.Retries().Should().ContainSingle().Subject;
        retry.Message.Should().Be("GenPro GET /v1/agents: retry 1 in 3 s after 429");
        time.Advance(TimeSpan.FromSeconds(2));
        call.IsCompleted.Should().BeFalse();
        _api.Requests.Should().HaveCount(1, "two seconds into a three-second Retry-After nothing may be sent");

        for (var i = 0; i < 20 && !call.IsCompleted; i++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(call, Task.Delay(50));
        }

        (await call).Should().BeEmpty();
        _api.Requests.Should().HaveCount(2);
    }

    [Fact]
    public async Task An_upload_from_a_stream_that_cannot_be_resent_says_why_it_was_not_retried()
    {
        _api.Respond("POST", "/v1/agents/42/avatars", 429, Samples.Error("Slow down", "rate_limited"));
        using var client = new GenProClient(_api.Options());

        var e = (await FluentActions.Awaiting(() => client.Avatars.UploadAsync(42, AvatarUpload.FromStream(new Images.NonSeekableStream(Images.Png), "b.png")))
            .Should().ThrowExactlyAsync<GenProRateLimitException>()).Which;

        e.Message.Should().EndWith("Not retried: the request body is a stream that cannot be sent twice." + e.RequestIdSuffix());
        _api.Requests.Should().HaveCount(1);
    }

    [Fact]
    public async Task A_retry_that_the_rules_would_not_make_anyway_adds_no_note()
    {
        _api.Respond("POST", "/v1/agents/42/avatars", 503);
        using var client = new GenProClient(_api.Options());

        var e = (await FluentActions.Awaiting(() => client.Avatars.UploadAsync(42, AvatarUpload.FromStream(new Images.NonSeekableStream(Images.Png), "b.png")))
            .Should().ThrowExactlyAsync<GenProServerException>()).Which;

        e.Message.Should().NotContain("Not retried");
    }

    private static IResponseBuilder RateLimited(string retryAfter) =>
        Response.Create().WithStatusCode(429).WithHeader("Retry-After", retryAfter)
            .WithHeader("Content-Type", "application/json").WithBody(Samples.Error("Slow down", "rate_limited"));
}
