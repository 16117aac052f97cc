using GenPro.Sdk.Tests.Infrastructure;

namespace GenPro.Sdk.Tests.Resilience;

/// <summary>Sustained failure opens the circuit: the client stops sending and says why, instead of hammering the API.</summary>
public sealed class CircuitBreakerTests : IDisposable
{
    private readonly ApiServer _api = new();

    public void Dispose() => _api.Dispose();

    [Theory]
    [MemberData(nameof(ClientPaths.Both), MemberType = typeof(ClientPaths))]
    public async Task A_hundred_failed_attempts_open_the_circuit_and_later_calls_are_not_sent(string path)
    {
        _api.Respond("GET", "/v1/agents/42", 503);
        using var client = ClientPaths.Create(path, _api.Options().FastRetries(maxRetries: 0));

        // The policy breaks after at least 100 attempts in 30 s of which at least 10 % failed.
        for (var i = 0; i < 100; i++)
        {
            await FluentActions.Awaiting(() => client.Agents.GetAsync(42)).Should().ThrowExactlyAsync<GenProServerException>();
        }

        var e = (await FluentActions.Awaiting(() => client.Agents.GetAsync(42)).Should().ThrowExactlyAsync<GenProConnectionException>()).Which;

        e.Message.Should().Be("Agents.Get failed: the circuit breaker is open after repeated failures." + e.RequestIdSuffix());
        _api.Requests.Should().HaveCount(100, "the open circuit answers without sending");
        e.AttemptCount.Should().Be(0, "the open circuit sent nothing");
    }

    [Theory]
    [MemberData(nameof(ClientPaths.Both), MemberType = typeof(ClientPaths))]
    public async Task With_the_breaker_off_every_call_is_sent(string path)
    {
        _api.Respond("GET", "/v1/agents/42", 503);
        var options = _api.Options().FastRetries(maxRetries: 0);
        options.Retry.CircuitBreakerEnabled = false;
        using var client = ClientPaths.Create(path, options);

        for (var i = 0; i < 101; i++)
        {
            await FluentActions.Awaiting(() => client.Agents.GetAsync(42)).Should().ThrowExactlyAsync<GenProServerException>();
        }

        _api.Requests.Should().HaveCount(101);
    }
}
