using System.Net;
using GenPro.Sdk.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace GenPro.Sdk.Tests.Production;

/// <summary>Headers and rate limits on exceptions and on successes, without secrets.</summary>
public sealed class ResponseMetadataTests : IDisposable
{
    private readonly ApiServer _api = new();

    public void Dispose() => _api.Dispose();

    [Fact]
    public async Task A_rate_limit_exception_exposes_headers_case_insensitively_without_cookies_or_keys()
    {
        _api.Server.Given(Request.Create().WithPath("/v1/agents").UsingGet()).RespondWith(Response.Create().WithStatusCode(429)
            .WithHeader("x-ratelimit-limit", "100")
            .WithHeader("X-RATELIMIT-REMAINING", "0")
            .WithHeader("retry-after", "7")
            .WithHeader("Set-Cookie", "session=abc123")
            .WithHeader("X-Api-Key", ApiServer.ApiKey)
            .WithHeader("X-Echo", $"key was {ApiServer.ApiKey}")
            .WithHeader("Content-Type", "application/json")
            .WithBody(Samples.Error("Slow down", "rate_limited")));
        var options = _api.Options();
        options.Retry.MaxRetries = 0;
        using var client = new GenProClient(options);

        var e = (await FluentActions.Awaiting(() => client.Agents.ListAsync()).Should().ThrowAsync<GenProRateLimitException>()).Which;

        var response = e.Response;
        response.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        response.Headers["X-RateLimit-Limit"].Should().Be("100");
        response.Headers["content-type"].Should().Be("application/json");
        response.Headers.Should().NotContainKey("Set-Cookie").And.NotContainKey("X-API-Key");
        response.Headers["x-echo"].Should().Be("key was [REDACTED]");
        response.RateLimit.Limit.Should().Be(100);
        response.RateLimit.Remaining.Should().Be(0);
        response.RateLimit.RetryAfter.Should().Be(TimeSpan.FromSeconds(7));
        response.RateLimit.Reset.Should().BeNull("no reset header was sent");
        e.ToString().Should().NotContain(ApiServer.ApiKey).And.NotContain("abc123");
    }

    [Fact]
    public async Task A_success_hands_its_status_headers_and_rate_limits_to_OnResponse()
    {
        _api.Server.Given(Request.Create().WithPath("/v1/agents/42").UsingGet()).RespondWith(Response.Create().WithStatusCode(200)
            .WithHeader("rAtElImIt-lImIt", "50, 50;w=60")
            .WithHeader("RATELIMIT-remaining", "49")
            .WithHeader("ratelimit-reset", "30")
            .WithHeader("X-RateLimit-Remaining", "1")
            .WithHeader("X-Request-Id", "server-id-9")
            .WithHeader("Content-Type", "application/json")
            .WithBody(Samples.Agent));
        var seen = new List<GenProResponse>();

        var agent = await _api.Client.Agents.GetAsync(42, false, new GenProRequestOptions { OnResponse = seen.Add });

        agent.Id.Should().Be(42);
        var response = seen.Should().ContainSingle().Subject;
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.RequestId.Should().Be("server-id-9");
        response.RateLimit.Limit.Should().Be(50);
        response.RateLimit.Remaining.Should().Be(49, "the IETF RateLimit-* headers win over X-RateLimit-*");
        response.RateLimit.Reset.Should().Be(TimeSpan.FromSeconds(30));
        response.RateLimit.RetryAfter.Should().BeNull();
    }

    [Fact]
    public async Task A_response_without_rate_limit_headers_has_none()
    {
        _api.Respond("GET", "/v1/agents", 200, "[]");
        GenProResponse? seen = null;

        await _api.Client.Agents.ListAsync(null, new GenProRequestOptions { OnResponse = r => seen = r });

        seen!.RateLimit.Should().BeEquivalentTo(new { Limit = (long?)null, Remaining = (long?)null, Reset = (TimeSpan?)null, RetryAfter = (TimeSpan?)null });
    }

    [Fact]
    public async Task Every_page_of_a_listing_reports_its_response()
    {
        _api.Respond("GET", "/v1/agents/42/avatars", 200, "[{\"id\": 1}]");
        var seen = new List<GenProResponse>();

        await foreach (var _ in _api.Client.Avatars.ListAsync(42, null, new GenProRequestOptions { OnResponse = seen.Add }))
        {
        }

        seen.Should().ContainSingle().Which.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("X-RateLimit-Reset", "abc", null)]
    [InlineData("X-RateLimit-Reset", "99999999999999999999", null)]
    [InlineData("x-ratelimit-reset", "0", 0)]
    [InlineData("Retry-After", "-5", null)]
    public void Unreadable_or_edge_values_never_throw(string name, string value, int? expectedSeconds)
    {
        var headers = new Dictionary<string, string> { [name] = value };
        var limit = GenProModelFactory.Response(headers: headers).RateLimit;

        var parsed = name.EndsWith("Reset", StringComparison.OrdinalIgnoreCase) ? limit.Reset : limit.RetryAfter;
        parsed.Should().Be(expectedSeconds is { } s ? TimeSpan.FromSeconds(s) : null);
    }

    [Fact]
    public void A_unix_time_reset_becomes_the_time_left_from_the_responses_date()
    {
        var date = new DateTimeOffset(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);
        var headers = new Dictionary<string, string>
        {
            ["Date"] = date.ToString("r"),
            ["X-RateLimit-Reset"] = date.AddMinutes(2).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Retry-After"] = date.AddSeconds(90).ToString("r"),
        };

        var limit = GenProModelFactory.Response(headers: headers).RateLimit;

        limit.Reset.Should().Be(TimeSpan.FromMinutes(2));
        limit.RetryAfter.Should().Be(TimeSpan.FromSeconds(90));
    }
}
