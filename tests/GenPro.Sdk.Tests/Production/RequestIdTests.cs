using System.Diagnostics;
using GenPro.Sdk.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock;
using WireMock.Types;
using WireMock.Util;
using static GenPro.Sdk.Tests.Infrastructure.Scenarios;

namespace GenPro.Sdk.Tests.Production;

/// <summary>One X-Request-Id per operation, on every attempt and hop, read back, and on exceptions, spans and logs.</summary>
public sealed class RequestIdTests : IDisposable
{
    private readonly ApiServer _api = new();

    public void Dispose() => _api.Dispose();

    [Fact]
    public async Task One_id_travels_on_the_first_attempt_every_retry_and_every_redirect_hop()
    {
        _api.RespondInTurn(
            "GET", "/v1/agents",
            Status(503),
            Status(503),
            Response.Create().WithStatusCode(302).WithHeader("Location", "/v1/agents-moved"));
        _api.Respond("GET", "/v1/agents-moved", 200, "[]");

        await _api.Client.Agents.ListAsync();

        var ids = _api.Requests.Select(r => r.RequestMessage!.Header("X-Request-Id")).ToList();
        _api.Requests.Select(r => r.RequestMessage!.Path).Should().Equal("/v1/agents", "/v1/agents", "/v1/agents", "/v1/agents-moved");
        ids.Should().HaveCount(4).And.OnlyContain(id => id == ids[0]);
        Guid.TryParse(ids[0], out _).Should().BeTrue("the SDK makes a UUID, as Rails does");
    }

    [Fact]
    public void A_made_id_is_a_version_4_uuid_and_never_repeats()
    {
        var ids = Enumerable.Range(0, 10_000).Select(_ => GenPro.Sdk.Operations.OperationContext.NewRequestId()).ToList();

        ids.Should().OnlyHaveUniqueItems();
        ids.Should().AllSatisfy(id =>
        {
            Guid.TryParseExact(id, "D", out _).Should().BeTrue();
            id[14].Should().Be('4', "{0} is a version 4 UUID", id);
            id[19].Should().BeOneOf(['8', '9', 'a', 'b'], "the variant of {0} is RFC 9562's", id);
        });
    }

    [Fact]
    public async Task Each_operation_gets_its_own_id()
    {
        _api.Respond("GET", "/v1/agents", 200, "[]");

        await _api.Client.Agents.ListAsync();
        await _api.Client.Agents.ListAsync();

        var ids = _api.Requests.Select(r => r.RequestMessage!.Header("X-Request-Id")).ToList();
        ids.Should().HaveCount(2).And.OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task A_callers_id_travels_unchanged_and_the_servers_echo_is_read_back()
    {
        EchoRequestId("GET", "/v1/agents/42", 200, Samples.Agent);
        GenProResponse? seen = null;

        await _api.Client.Agents.GetAsync(42, false, new GenProRequestOptions { RequestId = "checkout-7_a@b", OnResponse = r => seen = r });

        _api.SingleRequest().Header("X-Request-Id").Should().Be("checkout-7_a@b");
        seen!.RequestId.Should().Be("checkout-7_a@b");
        seen.Headers["x-request-id"].Should().Be("checkout-7_a@b");
    }

    [Fact]
    public async Task An_api_exception_carries_the_servers_id_in_its_property_and_message_and_the_span_and_logs_carry_the_sent_one()
    {
        _api.Server.Given(Request.Create().WithPath("/v1/agents/7").UsingGet()).RespondWith(
            Response.Create().WithStatusCode(404).WithHeader("X-Request-Id", "rails-assigned-1").WithHeader("Content-Type", "application/json")
                .WithBody(Samples.Error("Agent not found", "agent_not_found")));
        var spans = new List<Activity>();
        using var listener = Spans.Listen(spans);
        using var logging = FakeLogging(out var logs);
        using var client = new GenProClient(_api.Options(), handler: null, logging);

        var e = (await FluentActions.Awaiting(() => client.Agents.GetAsync(7)).Should().ThrowAsync<GenProNotFoundException>()).Which;

        var sent = _api.SingleRequest().Header("X-Request-Id")!;
        e.RequestId.Should().Be("rails-assigned-1");
        e.Message.Should().EndWith("(request id rails-assigned-1)");
        e.Response.RequestId.Should().Be("rails-assigned-1");
        var span = Spans.Of(spans, sent);
        span.OperationName.Should().Be("GenPro.Agents.Get");
        span.GetTagItem("genpro.server_request_id").Should().Be("rails-assigned-1");
        var answered = logs.GetSnapshot().Single(r => r.Message.Contains("answered 404", StringComparison.Ordinal));
        ScopeValue(answered, "GenProRequestId").Should().Be(sent);
    }

    [Fact]
    public async Task A_connection_exception_carries_the_id_that_was_sent()
    {
        using var silent = LoopbackServer.Silent();
        using var client = new GenProClient(ApiServer.FastOptions(silent.BaseAddress).FastRetries(maxRetries: 0));
        var options = new GenProRequestOptions { RequestId = "slow-call-1", Timeout = TimeSpan.FromMilliseconds(300) };

        var call = client.Agents.ListAsync(null, options);
        var e = (await FluentActions.Awaiting(() => call.WaitAsync(TimeSpan.FromSeconds(30))).Should().ThrowAsync<GenProConnectionException>()).Which;

        e.RequestId.Should().Be("slow-call-1");
        e.Message.Should().Contain("GenProRequestOptions.Timeout").And.EndWith("(request id slow-call-1)");
    }

    [Fact]
    public async Task Retries_are_logged_inside_the_operations_scope()
    {
        _api.RespondInTurn("GET", "/v1/agents", Status(503), Status(200, "[]"));
        using var logging = FakeLogging(out var logs);
        using var client = new GenProClient(_api.Options(), handler: null, logging);

        await client.Agents.ListAsync(null, new GenProRequestOptions { RequestId = "retry-scope" });

        ScopeValue(logs.Retries().Single(), "GenProRequestId").Should().Be("retry-scope");
    }

    private static object? ScopeValue(FakeLogRecord record, string name) =>
        record.Scopes.OfType<IEnumerable<KeyValuePair<string, object?>>>().SelectMany(s => s).Single(p => p.Key == name).Value;

    /// <summary>Answers with the request's own X-Request-Id, as Rails' ActionDispatch::RequestId does.</summary>
    private void EchoRequestId(string method, string path, int status, string body) =>
        _api.Server.Given(Request.Create().WithPath(path).UsingMethod(method)).RespondWith(Response.Create().WithCallback(request => new ResponseMessage
        {
            StatusCode = status,
            Headers = new Dictionary<string, WireMockList<string>>
            {
                ["X-Request-Id"] = new(request.Header("X-Request-Id")!),
                ["Content-Type"] = new("application/json"),
            },
            BodyData = new BodyData { BodyAsString = body, DetectedBodyType = BodyType.String },
        }));
}
