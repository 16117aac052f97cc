using GenPro.Sdk.Tests.Infrastructure;

namespace GenPro.Sdk.Tests.CallerInput;

/// <summary>
/// A caller's <c>Authorization</c>, <c>Cookie</c> and <c>Proxy-Authorization</c> headers go to the configured origin
/// only: a redirect to another origin is followed without them, as without <c>X-API-Key</c>. A second loopback
/// listener records every header it receives.
/// </summary>
public sealed class CredentialHeaderRedirectTests : IDisposable
{
    private readonly LoopbackServer _elsewhere = LoopbackServer.Recording(json: "[]");

    public void Dispose() => _elsewhere.Dispose();

    private static GenProRequestOptions WithCredentials() => new()
    {
        Headers =
        {
            ["Authorization"] = "Bearer caller-token",
            ["cookie"] = "session=caller-cookie",
            ["PROXY-AUTHORIZATION"] = "Basic caller-proxy",
            ["X-Tenant"] = "acme",
        },
    };

    [Theory]
    [MemberData(nameof(Redirects))]
    public async Task Credential_headers_are_dropped_on_a_cross_origin_hop_and_other_headers_travel(string path, int status)
    {
        using var api = RedirectingTo(new Uri(_elsewhere.BaseAddress, "agents"), status);
        using var client = ClientPaths.Create(path, ApiServer.FastOptions(api.BaseAddress));

        await client.Agents.ListAsync(null, WithCredentials());

        var first = api.Requests.Should().ContainSingle().Subject;
        first.Headers["authorization"].Should().Be("Bearer caller-token");
        first.Headers["cookie"].Should().Be("session=caller-cookie");
        first.Headers["proxy-authorization"].Should().Be("Basic caller-proxy");
        var hop = _elsewhere.Requests.Should().ContainSingle().Subject;
        hop.Headers.Keys.Should().NotContain(["authorization", "cookie", "proxy-authorization", "x-api-key"]);
        hop.Head.Should().NotContainAny("caller-token", "caller-cookie", "caller-proxy", ApiServer.ApiKey);
        hop.Headers["x-tenant"].Should().Be("acme", "headers that carry no credential travel on every hop");
        hop.Headers["x-request-id"].Should().Be(first.Headers["x-request-id"]);
    }

    [Theory]
    [MemberData(nameof(ClientPaths.Both), MemberType = typeof(ClientPaths))]
    public async Task Credential_headers_stay_on_a_same_origin_hop(string path)
    {
        using var api = RedirectingTo(new Uri("/v1/agents-moved", UriKind.Relative), 302);
        using var client = ClientPaths.Create(path, ApiServer.FastOptions(api.BaseAddress));

        await client.Agents.ListAsync(null, WithCredentials());

        api.Requests.Should().HaveCount(2).And.AllSatisfy(r =>
        {
            r.Headers["authorization"].Should().Be("Bearer caller-token");
            r.Headers["cookie"].Should().Be("session=caller-cookie");
            r.Headers["proxy-authorization"].Should().Be("Basic caller-proxy");
            r.Headers["x-api-key"].Should().Be(ApiServer.ApiKey);
        });
    }

    public static TheoryData<string, int> Redirects => ClientPaths.Cross(301, 302, 303, 307, 308);

    /// <summary>Answers the first request with a redirect to <paramref name="location"/>, later ones with an empty list.</summary>
    private static LoopbackServer RedirectingTo(Uri location, int status) => new(async connection =>
    {
        while (await connection.ReadRequestAsync(keepBody: false) is { } request)
        {
            await (request.Index == 0
                ? connection.WriteAsync($"HTTP/1.1 {status} X\r\nLocation: {location.OriginalString}\r\nContent-Length: 0\r\n\r\n")
                : connection.AnswerAsync(200, "[]"));
        }
    });
}
