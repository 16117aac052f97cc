using System.Net;
using System.Text;
using GenPro.Sdk.Http;
using GenPro.Sdk.Operations;
using GenPro.Sdk.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace GenPro.Sdk.Tests.Security;

/// <summary>The API key is confined to the configured origin, whatever redirects the server answers with.</summary>
public sealed class RedirectTests : IDisposable
{
    private readonly ApiServer _api = new();
    private readonly ApiServer _elsewhere = new();

    public void Dispose()
    {
        _api.Dispose();
        _elsewhere.Dispose();
    }

    [Theory]
    [MemberData(nameof(ClientPaths.Both), MemberType = typeof(ClientPaths))]
    public async Task A_cross_origin_redirect_is_followed_without_the_key(string path)
    {
        using var client = ClientPaths.Create(path, _api.Options());
        Redirect("GET", "/v1/agents", 302, $"{_elsewhere.Server.Url}/v1/agents");
        _elsewhere.Respond("GET", "/v1/agents", 200, "[]");

        await client.Agents.ListAsync();

        _api.SingleRequest().Headers!["X-API-Key"].Should().Equal(ApiServer.ApiKey);
        var hop = _elsewhere.SingleRequest();
        hop.Headers!.Keys.Should().NotContain("X-API-Key");
        hop.Headers["User-Agent"].Single().Should().StartWith("GenPro.Sdk/");
    }

    [Theory]
    [MemberData(nameof(ClientPaths.Both), MemberType = typeof(ClientPaths))]
    public async Task A_same_origin_307_keeps_the_key_the_method_and_the_body(string path)
    {
        using var client = ClientPaths.Create(path, _api.Options());
        Redirect("POST", "/v1/agents", 307, "/v1/agents-moved");
        _api.Respond("POST", "/v1/agents-moved", 201, Samples.CreatedAgent);

        var agent = await client.Agents.CreateAsync(new CreateAgentRequest { Name = "A" });

        agent.Id.Should().Be(43);
        var requests = _api.Requests.Select(r => r.RequestMessage!).ToList();
        requests.Select(r => r.Path).Should().Equal("/v1/agents", "/v1/agents-moved");
        requests.Should().AllSatisfy(r =>
        {
            r.Method.Should().Be("POST");
            r.Headers!["X-API-Key"].Should().Equal(ApiServer.ApiKey);
            Encoding.UTF8.GetString(r.BodyAsBytes!).Should().Be("""{"agent":{"name":"A"}}""");
        });
    }

    [Theory]
    [MemberData(nameof(ClientPaths.Both), MemberType = typeof(ClientPaths))]
    public async Task A_303_turns_the_request_into_a_get_without_body(string path)
    {
        using var client = ClientPaths.Create(path, _api.Options());
        Redirect("PATCH", "/v1/agents/42", 303, "/v1/agents/42");
        _api.Respond("GET", "/v1/agents/42", 200, """{"agent": {"id": 42, "name": "A"}}""");

        var agent = await client.Agents.UpdateAsync(42, new UpdateAgentRequest { Name = "A" });

        agent.Name.Should().Be("A");
        var hop = _api.Requests[1].RequestMessage!;
        hop.Method.Should().Be("GET");
        hop.BodyAsBytes.Should().BeNullOrEmpty();
    }

    [Theory]
    [MemberData(nameof(ClientPaths.Both), MemberType = typeof(ClientPaths))]
    public async Task A_redirect_loop_stops_after_five_hops_with_an_api_exception(string path)
    {
        using var client = ClientPaths.Create(path, _api.Options());
        Redirect("GET", "/v1/agents", 302, "/v1/agents");

        var e = (await FluentActions.Awaiting(() => client.Agents.ListAsync()).Should().ThrowExactlyAsync<GenProApiException>()).Which;

        e.StatusCode.Should().Be(HttpStatusCode.Found);
        _api.Requests.Should().HaveCount(1 + RedirectHandler.MaxRedirects);
    }

    [Theory]
    [MemberData(nameof(ClientPaths.Both), MemberType = typeof(ClientPaths))]
    public async Task A_redirect_without_location_is_an_api_exception(string path)
    {
        using var client = ClientPaths.Create(path, _api.Options());
        _api.Respond("GET", "/v1/agents", 302);

        var e = (await FluentActions.Awaiting(() => client.Agents.ListAsync()).Should().ThrowExactlyAsync<GenProApiException>()).Which;

        e.Message.Should().Be("GET /v1/agents answered 302 Found" + e.RequestIdSuffix());
        _api.Requests.Should().HaveCount(1);
    }

    [Theory]
    [InlineData("https://api.gen.pro/v1/agents", "http://api.gen.pro/v1/agents", false)]
    [InlineData("https://api.gen.pro/v1/agents", "ftp://api.gen.pro/v1/agents", false)]
    [InlineData("https://api.gen.pro/v1/agents", "https://cdn.gen.pro/v1/agents", true)]
    [InlineData("http://127.0.0.1/v1/agents", "https://api.gen.pro/v1/agents", true)]
    public void Https_is_never_downgraded(string from, string location, bool followed)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, from);
        using var response = new HttpResponseMessage(HttpStatusCode.Found) { Headers = { Location = new Uri(location) } };

        using var next = RedirectHandler.NextRequest(request, response);

        (next is not null).Should().Be(followed);
    }

    [Fact]
    public void A_body_that_cannot_be_replayed_is_not_redirected()
    {
        var upload = new OperationContext("Avatars.Upload", null) { NonReplayableBody = true };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("https://api.gen.pro/v1/agents/1/avatars")) { Content = new StringContent("x") };
        upload.AttachTo(request);
        using var response = new HttpResponseMessage(HttpStatusCode.TemporaryRedirect) { Headers = { Location = new Uri("https://api.gen.pro/v1/x") } };

        RedirectHandler.NextRequest(request, response).Should().BeNull();
    }

    public static TheoryData<string, string> CallerHandlers => ClientPaths.Cross(
        "SocketsHttpHandler", "HttpClientHandler", "DelegatingHandler over HttpClientHandler", "two DelegatingHandlers over SocketsHttpHandler");

    [Theory]
    [MemberData(nameof(CallerHandlers))]
    public async Task A_caller_handler_that_follows_redirects_is_switched_to_the_sdks_own_redirects(string path, string kind)
    {
        Redirect("GET", "/v1/agents", 302, $"{_elsewhere.Server.Url}/v1/agents");
        _elsewhere.Respond("GET", "/v1/agents", 200, "[]");
        using var handler = CallerHandler(kind, out var sender);

        using (var client = ClientPaths.Create(path, _api.Options(), handler: handler))
        {
            await client.Agents.ListAsync();
        }

        AllowsAutoRedirect(sender).Should().BeFalse();
        _api.SingleRequest().Headers!["X-API-Key"].Should().Equal(ApiServer.ApiKey);
        _elsewhere.SingleRequest().Headers!.Keys.Should().NotContain("X-API-Key");
    }

    [Theory]
    [MemberData(nameof(CallerHandlers))]
    public async Task A_used_handler_that_follows_redirects_is_refused(string path, string kind)
    {
        _api.Respond("GET", "/v1/agents", 200, "[]");
        using var handler = CallerHandler(kind, out var sender);
        using (var warmup = new HttpClient(handler, disposeHandler: false))
        {
            await warmup.GetAsync(new Uri(_api.BaseAddress, "agents"));
        }

        var act = () => ClientPaths.Create(path, _api.Options(), handler: handler).Dispose();

        if (path == ClientPaths.DependencyInjection && handler == sender)
        {
            // IHttpClientFactory refuses it before the SDK looks: it sets its meter factory on the primary handler.
            act.Should().ThrowExactly<InvalidOperationException>().Which.Message.Should().Contain("already started");
        }
        else
        {
            var e = act.Should().ThrowExactly<ArgumentException>().Which;
            e.ParamName.Should().Be("handler");
            e.Message.Should().Contain("has already sent requests").And.Contain("set AllowAutoRedirect = false");
        }

        _elsewhere.Requests.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(ClientPaths.Both), MemberType = typeof(ClientPaths))]
    public void A_synchronous_send_through_the_sdks_pipeline_is_refused_and_sends_nothing(string path)
    {
        _api.Respond("GET", "/v1/agents", 200, "[]");
        using var services = new ServiceCollection()
            .AddGenProClient(o => o.ApplyFrom(_api.Options())).Services
            .BuildServiceProvider();
        using var http = path == ClientPaths.DependencyInjection
            ? services.GetRequiredService<IHttpClientFactory>().CreateClient("GenPro.Sdk")
            : new HttpClient(GenProPipeline.CreateHandler(_api.Options(), () => ApiServer.ApiKey, null, TimeProvider.System, null)) { BaseAddress = _api.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "agents");

        var act = () => http.Send(request);

        act.Should().ThrowExactly<NotSupportedException>().Which.Message.Should().Be("GenPro.Sdk's HTTP pipeline sends asynchronously only: use SendAsync.");
        _api.Requests.Should().BeEmpty("nothing goes out without the key, the request id and the redirect guard");
    }

    /// <summary>A caller's handler of the given kind, and the handler at the bottom of it that does the sending.</summary>
    private static HttpMessageHandler CallerHandler(string kind, out HttpMessageHandler sender)
    {
        switch (kind)
        {
            case "SocketsHttpHandler":
                sender = new SocketsHttpHandler();
                return sender;
            case "HttpClientHandler":
                sender = new HttpClientHandler();
                return sender;
            case "DelegatingHandler over HttpClientHandler":
                sender = new HttpClientHandler();
                return new PassThroughHandler { InnerHandler = sender };
            default:
                sender = new SocketsHttpHandler();
                return new PassThroughHandler { InnerHandler = new PassThroughHandler { InnerHandler = sender } };
        }
    }

    private static bool AllowsAutoRedirect(HttpMessageHandler handler) => handler switch
    {
        SocketsHttpHandler sockets => sockets.AllowAutoRedirect,
        HttpClientHandler client => client.AllowAutoRedirect,
        _ => throw new ArgumentOutOfRangeException(nameof(handler)),
    };

    /// <summary>A caller's own handler in front of the one that sends, as a logging or proxy-auth handler would be.</summary>
    private sealed class PassThroughHandler : DelegatingHandler;

    private void Redirect(string method, string path, int status, string location) =>
        _api.Server.Given(Request.Create().WithPath(path).UsingMethod(method))
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Location", location));
}
