using System.Net;
using GenPro.Sdk.Errors;
using GenPro.Sdk.Http;
using GenPro.Sdk.Http.Resilience;
using GenPro.Sdk.Operations;
using Microsoft.Extensions.Time.Testing;
using Polly;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Timeout;

namespace GenPro.Sdk.Tests.Resilience;

/// <summary>The retry classification, attempt timeouts and Retry-After, without a network.</summary>
public sealed class RetryDecisionsTests
{
    private static readonly Uri Agents = new("https://api.gen.pro/v1/agents");

    [Theory]
    [InlineData("GET", 503, true)]
    [InlineData("DELETE", 408, true)]
    [InlineData("GET", 501, false)]
    [InlineData("GET", 422, false)]
    [InlineData("POST", 429, true)]
    [InlineData("PATCH", 429, true)]
    [InlineData("POST", 503, false)]
    [InlineData("PATCH", 500, false)]
    public void Statuses_are_retried_by_method(string method, int status, bool retried)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), Agents);
        using var response = new HttpResponseMessage((HttpStatusCode)status);

        RetryDecisions.ShouldRetry(request, Outcome.FromResult(response)).Should().Be(retried);
    }

    [Theory]
    [InlineData("GET", HttpRequestError.ResponseEnded, true)]
    [InlineData("POST", HttpRequestError.ConnectionError, true)]
    [InlineData("PATCH", HttpRequestError.NameResolutionError, true)]
    [InlineData("POST", HttpRequestError.ResponseEnded, false)]
    [InlineData("PATCH", HttpRequestError.Unknown, false)]
    public void Transport_failures_are_retried_by_method(string method, HttpRequestError error, bool retried)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), Agents);

        RetryDecisions.ShouldRetry(request, Outcome.FromException<HttpResponseMessage>(new HttpRequestException(error, "x"))).Should().Be(retried);
    }

    [Fact]
    public void An_attempt_timeout_is_retried_for_GET_only()
    {
        using var get = new HttpRequestMessage(HttpMethod.Get, Agents);
        using var post = new HttpRequestMessage(HttpMethod.Post, Agents);
        var timeout = Outcome.FromException<HttpResponseMessage>(new TimeoutRejectedException());

        RetryDecisions.ShouldRetry(get, timeout).Should().BeTrue();
        RetryDecisions.ShouldRetry(post, timeout).Should().BeFalse();
    }

    [Fact]
    public void A_non_replayable_body_is_never_retried_nor_given_an_attempt_timeout()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Agents);
        new OperationContext("Avatars.Upload", null) { NonReplayableBody = true }.AttachTo(request);
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);

        RetryDecisions.ShouldRetry(request, Outcome.FromResult(response)).Should().BeFalse();
        RetryDecisions.HasAttemptTimeout(request).Should().BeFalse();
    }

    [Fact]
    public void Uploads_and_unsafe_methods_have_no_attempt_timeout()
    {
        using var get = new HttpRequestMessage(HttpMethod.Get, Agents);
        using var patch = new HttpRequestMessage(HttpMethod.Patch, Agents);
        using var upload = new HttpRequestMessage(HttpMethod.Put, Agents) { Content = new MultipartFormDataContent() };

        RetryDecisions.HasAttemptTimeout(get).Should().BeTrue();
        RetryDecisions.HasAttemptTimeout(patch).Should().BeFalse();
        RetryDecisions.HasAttemptTimeout(upload).Should().BeFalse();
    }

    [Fact]
    public void Retry_after_reads_seconds_and_dates_and_is_never_cut_short()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        using var seconds = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        seconds.Headers.TryAddWithoutValidation("Retry-After", "7");
        using var date = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        date.Headers.TryAddWithoutValidation("Retry-After", "Thu, 01 Jan 2026 00:00:05 GMT");
        using var none = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);

        RetryDecisions.RetryAfter(seconds, time).Should().Be(TimeSpan.FromSeconds(7));
        RetryDecisions.RetryAfter(date, time).Should().Be(TimeSpan.FromSeconds(5));
        RetryDecisions.RetryAfter(none, time).Should().BeNull();
    }

    [Theory]
    [InlineData("5", 5, null, true)]          // as long as MaxDelay: waited in full
    [InlineData("60", 5, null, false)]        // longer than MaxDelay: no retry at all
    [InlineData("10", 30, 10, false)]         // would end when (or after) the call's Timeout does
    [InlineData("9", 30, 10, true)]
    public void A_retry_after_longer_than_max_delay_or_the_time_left_is_not_retried(string retryAfter, int maxDelaySeconds, int? secondsLeft, bool retried)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        using var request = new HttpRequestMessage(HttpMethod.Get, Agents);
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests) { RequestMessage = request };
        response.Headers.TryAddWithoutValidation("Retry-After", retryAfter);
        DateTimeOffset? deadline = secondsLeft is { } left ? time.GetUtcNow().AddSeconds(left) : null;

        RetryDecisions.ShouldRetry(request, Outcome.FromResult(response), TimeSpan.FromSeconds(maxDelaySeconds), deadline, time).Should().Be(retried);
    }

    [Theory]
    [InlineData(250, "250 ms")]
    [InlineData(1_000, "1 s")]
    [InlineData(1_500, "1.5 s")]
    [InlineData(60_000, "1 min")]
    [InlineData(90_000, "1 min 30 s")]
    [InlineData(5_400_000, "1 h 30 min")]
    public void Delays_read_in_units_people_use(int milliseconds, string text) =>
        GenPro.Sdk.Internal.Durations.Readable(TimeSpan.FromMilliseconds(milliseconds)).Should().Be(text);

    [Fact]
    public void Pollys_rejections_become_connection_exceptions()
    {
        TransportErrors.ToConnectionException("Agents.Get", new TimeoutRejectedException()).Message.Should().Be("Agents.Get failed: the request timed out.");
        TransportErrors.ToConnectionException("Agents.Get", new BrokenCircuitException()).Message.Should().Contain("circuit breaker is open");
        TransportErrors.ToConnectionException("Agents.Get", new RateLimiterRejectedException()).Message.Should().Contain("rate limiter rejected");
    }
}
