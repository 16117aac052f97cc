using System.Net;
using GenPro.Sdk.Testing.Tests.Infrastructure;

namespace GenPro.Sdk.Testing.Tests;

public sealed class FaultTests
{
    [Theory]
    [MemberData(nameof(Modes.Both), MemberType = typeof(Modes))]
    public async Task Status_faults_answer_in_order_then_the_fake_answers_normally(Mode mode)
    {
        await using var h = await Harness.StartAsync(mode);
        h.Fake.Faults
            .Add(FakeFault.Status(HttpStatusCode.ServiceUnavailable, "maintenance", "Down"))
            .Add(FakeFault.Status(HttpStatusCode.BadGateway), times: 2);
        h.Fake.Faults.Pending.Should().Be(3);

        var first = await h.GetAsync("agents");
        var second = await h.GetAsync("agents");
        var third = await h.GetAsync("agents");
        var fourth = await h.GetAsync("agents");

        first.Status.Should().Be(HttpStatusCode.ServiceUnavailable);
        JsonAssert.Equal("""{"error":"Down","error_code":"maintenance"}""", first.Body);
        second.Status.Should().Be(HttpStatusCode.BadGateway);
        second.Body.Should().BeEmpty();
        third.Status.Should().Be(HttpStatusCode.BadGateway);
        fourth.Status.Should().Be(HttpStatusCode.OK);
        h.Fake.Faults.Pending.Should().Be(0);
        h.Fake.ReceivedRequests.Should().HaveCount(4, "faulted requests are recorded too");
    }

    [Theory]
    [MemberData(nameof(Modes.Both), MemberType = typeof(Modes))]
    public async Task Rate_limit_sends_429_with_retry_after(Mode mode)
    {
        await using var h = await Harness.StartAsync(mode);
        h.Fake.Faults.Add(FakeFault.RateLimited(TimeSpan.FromMilliseconds(1500)));

        var (status, body, response) = await h.GetAsync("agents");

        status.Should().Be(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(2));
        JsonAssert.Error(body, "rate_limited");
    }

    [Theory]
    [MemberData(nameof(Modes.Both), MemberType = typeof(Modes))]
    public async Task Faults_match_method_and_path_prefix_and_leave_state_alone(Mode mode)
    {
        await using var h = await Harness.StartAsync(mode);
        h.Fake.Faults.Add(FakeFault.Status(HttpStatusCode.InternalServerError), method: HttpMethod.Post, pathPrefix: "/v1/agents");

        (await h.GetAsync("agents")).Status.Should().Be(HttpStatusCode.OK);
        (await h.PostJsonAsync("agents", """{"agent":{"name":"A"}}""")).Status.Should().Be(HttpStatusCode.InternalServerError);
        h.Fake.Agents.Should().BeEmpty();
        (await h.PostJsonAsync("agents", """{"agent":{"name":"A"}}""")).Status.Should().Be(HttpStatusCode.Created);
    }

    [Theory]
    [MemberData(nameof(Modes.Both), MemberType = typeof(Modes))]
    public async Task Malformed_body_is_200_with_truncated_json(Mode mode)
    {
        await using var h = await Harness.StartAsync(mode);
        h.Fake.Faults.Add(FakeFault.MalformedBody());

        var (status, body, response) = await h.GetAsync("agents");

        status.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        var parse = () => JsonAssert.Parse(body);
        parse.Should().Throw<System.Text.Json.JsonException>();
    }

    [Fact]
    public async Task Dropped_connection_in_handler_mode_is_response_ended()
    {
        await using var h = await Harness.StartAsync(Mode.Handler);
        h.Fake.Faults.Add(FakeFault.DropConnection());

        var act = () => h.GetAsync("agents");

        (await act.Should().ThrowAsync<HttpRequestException>()).Which.HttpRequestError.Should().Be(HttpRequestError.ResponseEnded);
    }

    [Fact]
    public async Task Dropped_connection_in_server_mode_aborts_the_socket()
    {
        await using var h = await Harness.StartAsync(Mode.Server);
        h.Fake.Faults.Add(FakeFault.DropConnection());

        var act = () => h.GetAsync("agents");

        await act.Should().ThrowAsync<HttpRequestException>();
        (await h.GetAsync("agents")).Status.Should().Be(HttpStatusCode.OK, "the server keeps serving");
    }

    [Theory]
    [MemberData(nameof(Modes.Both), MemberType = typeof(Modes))]
    public async Task A_delay_is_cut_short_by_cancellation(Mode mode)
    {
        await using var h = await Harness.StartAsync(mode);
        h.Fake.Faults.Add(FakeFault.Delay(TimeSpan.FromMinutes(5)));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        var client = h.Client();

        var act = () => client.GetAsync("agents", cts.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
    }

    [Theory]
    [MemberData(nameof(Modes.Both), MemberType = typeof(Modes))]
    public async Task A_delay_then_answers_normally(Mode mode)
    {
        await using var h = await Harness.StartAsync(mode);
        h.Fake.Faults.Add(FakeFault.Delay(TimeSpan.FromMilliseconds(20)));

        (await h.GetAsync("agents")).Status.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [MemberData(nameof(Modes.Both), MemberType = typeof(Modes))]
    public async Task Received_requests_keep_method_path_headers_and_body(Mode mode)
    {
        await using var h = await Harness.StartAsync(mode);

        await h.PostJsonAsync("agents?x=1", """{"agent":{"name":"A"}}""");

        var request = h.Fake.ReceivedRequests.Should().ContainSingle().Subject;
        request.Method.Should().Be("POST");
        request.PathAndQuery.Should().Be("/v1/agents?x=1");
        request.Header("x-api-key").Should().Be(Harness.Alice);
        request.Header("Content-Type").Should().StartWith("application/json");
        request.BodyText.Should().Be("""{"agent":{"name":"A"}}""");
        h.Fake.ClearReceivedRequests();
        h.Fake.ReceivedRequests.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Modes.Both), MemberType = typeof(Modes))]
    public async Task Concurrent_creates_of_one_name_yield_exactly_one_agent(Mode mode)
    {
        await using var h = await Harness.StartAsync(mode);

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => h.PostJsonAsync("agents", """{"agent":{"name":"Same"}}""")));

        results.Count(r => r.Status == HttpStatusCode.Created).Should().Be(1);
        results.Count(r => r.Status == HttpStatusCode.UnprocessableEntity).Should().Be(15);
        h.Fake.Agents.Should().ContainSingle();
    }

    [Fact]
    public void Fault_arguments_are_checked()
    {
        var fake = new FakeGenProApi();

        ((Action)(() => fake.Faults.Add(FakeFault.DropConnection(), times: 0))).Should().Throw<ArgumentOutOfRangeException>();
        ((Action)(() => FakeFault.Delay(TimeSpan.FromSeconds(-1)))).Should().Throw<ArgumentOutOfRangeException>();
        ((Action)(() => fake.AddUser("k"))).Should().NotThrow();
        ((Action)(() => fake.AddUser("k"))).Should().Throw<ArgumentException>();
        ((Action)(() => new FakeGenProApi().AddMember(fake.AddWorkspace("W"), fake.AddUser("k2"), FakeWorkspaceRole.Owner))).Should().Throw<ArgumentException>();
    }
}
