using System.Diagnostics;
using System.Diagnostics.Metrics;
using GenPro.Sdk.Tests.DependencyInjection;
using GenPro.Sdk.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Logging;
using static GenPro.Sdk.Tests.Infrastructure.Scenarios;

namespace GenPro.Sdk.Tests.Diagnostics;

/// <summary>Logs without secrets, one span per operation with its tags, and request and retry counters.</summary>
public sealed class DiagnosticsTests : IDisposable
{
    private const string ProviderKey = "sk_eleven_secret_0123456789";
    private readonly ApiServer _api = new();

    public void Dispose() => _api.Dispose();

    [Theory]
    [MemberData(nameof(ClientPaths.Both), MemberType = typeof(ClientPaths))]
    public async Task Logs_at_every_level_never_contain_a_key_even_when_the_server_echoes_it(string path)
    {
        _api.RespondInTurn("POST", "/v1/agents", Status(429), Status(422, Samples.Error($"Key {ApiServer.ApiKey} rejected {ProviderKey}", "validation_error")));
        _api.Respond("GET", "/v1/agents", 200, "[]");
        using var logging = FakeLogging(out var logs);
        using var client = ClientPaths.Create(path, _api.Options().FastRetries(), logging);
        var agents = client.Agents;

        await agents.ListAsync();
        await FluentActions.Awaiting(() => agents.CreateAsync(new CreateAgentRequest { Name = "X", ElevenLabsApiKey = ProviderKey }))
            .Should().ThrowAsync<GenProValidationException>();

        var records = logs.GetSnapshot();
        var text = string.Join("\n", records.Select(r => r.Message + " " + string.Join(",", r.StructuredState ?? [])));
        text.Should().Contain("GenPro Agents.List starting")
            .And.Contain("GenPro Agents.List: GET /v1/agents answered 200")
            .And.Contain("Resilience event occurred", "Polly's own telemetry logs too")
            .And.Contain("POST /v1/agents: retry 1")
            .And.NotContain(ApiServer.ApiKey)
            .And.NotContain(ProviderKey);
        records.Single(r => r.Id.Name == "Retrying").Level.Should().Be(LogLevel.Information);
    }

    [Fact]
    public async Task Each_operation_is_one_span_with_its_tags()
    {
        _api.Respond("GET", "/v1/agents/4242", 200, Samples.Agent);
        _api.Respond("DELETE", "/v1/agents/4243", 404, Samples.Error("Agent not found", "agent_not_found"));
        var spans = new List<Activity>();
        using var listener = Spans.Listen(spans);

        await _api.Client.Agents.GetAsync(4242);
        await FluentActions.Awaiting(() => _api.Client.Agents.DeleteAsync(4243)).Should().ThrowAsync<GenProNotFoundException>();

        List<Activity> mine;
        lock (spans)
        {
            mine = spans.Where(a => a.GetTagItem("genpro.agent.id") is 4242L or 4243L).ToList();
        }

        var get = mine.Should().ContainSingle(a => a.OperationName == "GenPro.Agents.Get").Subject;
        get.GetTagItem("http.response.status_code").Should().Be(200);
        get.Status.Should().Be(ActivityStatusCode.Unset);
        var delete = mine.Should().ContainSingle(a => a.OperationName == "GenPro.Agents.Delete").Subject;
        delete.GetTagItem("http.response.status_code").Should().Be(404);
        delete.GetTagItem("genpro.error_code").Should().Be("agent_not_found");
        delete.Status.Should().Be(ActivityStatusCode.Error);
    }

    [Fact]
    public async Task Requests_retries_and_durations_are_measured()
    {
        _api.RespondInTurn("GET", "/v1/agents", Status(503), Status(200, "[]"));
        var port = _api.BaseAddress.Port;
        var measurements = new List<(string Instrument, double Value, Dictionary<string, object?> Tags)>();
        using var meters = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == "GenPro.Sdk")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        meters.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        meters.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        meters.Start();
        using var client = new GenProClient(_api.Options().FastRetries());

        await client.Agents.ListAsync();

        List<(string Instrument, double Value, Dictionary<string, object?> Tags)> mine;
        lock (measurements)
        {
            mine = measurements.Where(m => Equals(m.Tags.GetValueOrDefault("server.port"), port)).ToList();
        }

        mine.Should().ContainSingle(m => m.Instrument == "genpro.client.retries").Which.Tags["http.request.method"].Should().Be("GET");
        mine.Should().ContainSingle(m => m.Instrument == "genpro.client.requests").Which.Tags["http.response.status_code"].Should().Be(200);
        mine.Should().ContainSingle(m => m.Instrument == "genpro.client.operation.duration").Which.Value.Should().BePositive();

        void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var copy = new Dictionary<string, object?>();
            foreach (var tag in tags)
            {
                copy[tag.Key] = tag.Value;
            }

            lock (measurements)
            {
                measurements.Add((instrument.Name, value, copy));
            }
        }
    }
}
