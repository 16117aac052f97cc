using System.Net;
using System.Net.Sockets;
using GenPro.Sdk.Tests.Infrastructure;
using static GenPro.Sdk.Tests.Infrastructure.Scenarios;

namespace GenPro.Sdk.Tests.Client;

/// <summary>Failures without a usable response: the caller's cancellation stays itself, the rest become connection exceptions.</summary>
public sealed class TransportTests : IDisposable
{
    private readonly ApiServer _api = new();

    public void Dispose() => _api.Dispose();

    [Fact]
    public async Task The_callers_cancellation_surfaces_as_operation_canceled()
    {
        using var silent = LoopbackServer.Silent();
        using var client = new GenProClient(new GenProClientOptions { ApiKey = ApiServer.ApiKey, BaseAddress = silent.BaseAddress });
        using var cts = new CancellationTokenSource();
        var call = client.Agents.ListAsync(cancellationToken: cts.Token);
        await silent.FirstRequest;

        await cts.CancelAsync();

        var e = (await FluentActions.Awaiting(() => call).Should().ThrowAsync<OperationCanceledException>()).Which;
        e.CancellationToken.Should().Be(cts.Token);
        AllOf(e).Should().NotContain(x => x is TimeoutException || x.Message.Contains("HttpClient.Timeout"), "the caller cancelled; nothing timed out");
    }

    [Theory]
    [MemberData(nameof(ClientPaths.Both), MemberType = typeof(ClientPaths))]
    public async Task A_timeout_and_its_causes_name_the_sdks_timeout_not_httpclients(string path)
    {
        using var silent = LoopbackServer.Silent();
        using var client = ClientPaths.Create(path, new GenProClientOptions { ApiKey = ApiServer.ApiKey, BaseAddress = silent.BaseAddress, Timeout = TimeSpan.FromMilliseconds(200) });

        var e = (await FluentActions.Awaiting(() => client.Agents.GetAsync(42)).Should().ThrowExactlyAsync<GenProConnectionException>()).Which;

        AllOf(e).Should().NotContain(x => x.Message.Contains("HttpClient.Timeout"), "HttpClient's own timeout is off");
    }

    private static IEnumerable<Exception> AllOf(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            yield return x;
        }
    }

    [Fact]
    public async Task An_already_cancelled_token_sends_nothing()
    {
        var act = () => _api.Client.Agents.GetAsync(42, cancellationToken: new CancellationToken(canceled: true));

        await act.Should().ThrowAsync<OperationCanceledException>();
        _api.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task A_refused_connection_is_a_connection_exception()
    {
        using var client = new GenProClient(new GenProClientOptions { ApiKey = ApiServer.ApiKey, BaseAddress = new Uri($"http://127.0.0.1:{FreePort()}/v1/") }.FastRetries());

        var e = (await FluentActions.Awaiting(() => client.Agents.ListAsync()).Should().ThrowExactlyAsync<GenProConnectionException>()).Which;

        e.Message.Should().Match("Agents.List failed: the connection could not be established" + Retried.After(4) + "." + e.RequestIdSuffix(), e.InnerException?.ToString());
        e.InnerException.Should().BeOfType<HttpRequestException>();
    }

    [Theory]
    [MemberData(nameof(ClientPaths.Both), MemberType = typeof(ClientPaths))]
    public async Task A_timeout_is_a_connection_exception_not_a_cancellation(string path)
    {
        using var silent = LoopbackServer.Silent();
        using var client = ClientPaths.Create(path, new GenProClientOptions
        {
            ApiKey = ApiServer.ApiKey,
            BaseAddress = silent.BaseAddress,
            Timeout = TimeSpan.FromMilliseconds(200),
        });

        var e = (await FluentActions.Awaiting(() => client.Agents.GetAsync(42)).Should().ThrowExactlyAsync<GenProConnectionException>()).Which;

        e.Message.Should().Be("Agents.Get failed: it timed out after 0.2 s (GenProClientOptions.Timeout), which bounds the whole call: sending, retries and reading the response body." + e.RequestIdSuffix());
    }

    [Fact]
    public async Task A_caller_supplied_handler_does_the_sending_and_is_not_disposed_with_the_client()
    {
        _api.Respond("GET", "/v1/agents", 200, "[]");
        using var handler = new SocketsHttpHandler();
        using (var client = new GenProClient(_api.Options(), handler))
        {
            await client.Agents.ListAsync();
        }

        using var other = new HttpClient(handler, disposeHandler: false);
        (await other.GetAsync(new Uri(_api.BaseAddress, "agents"))).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Disposing_the_client_ends_calls_in_flight_cleanly_and_refuses_new_ones()
    {
        using var silent = LoopbackServer.Silent();
        var client = new GenProClient(ApiServer.FastOptions(silent.BaseAddress));
        var calls = Enumerable.Range(1, 8).Select(i => client.Agents.GetAsync(i)).ToList();
        await silent.FirstRequest;

        client.Dispose();

        foreach (var call in calls)
        {
            var e = (await FluentActions.Awaiting(() => call).Should().ThrowExactlyAsync<GenProConnectionException>()).Which;
            e.Message.Should().EndWith("failed: the client was disposed while the call was in flight." + e.RequestIdSuffix());
        }

        await FluentActions.Awaiting(() => client.Agents.ListAsync()).Should().ThrowExactlyAsync<ObjectDisposedException>();
        await FluentActions.Awaiting(async () => await client.Avatars.ListAsync(1).GetAsyncEnumerator().MoveNextAsync())
            .Should().ThrowExactlyAsync<ObjectDisposedException>();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
