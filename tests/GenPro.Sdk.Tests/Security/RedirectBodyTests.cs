using System.Net;
using System.Text;
using GenPro.Sdk.Tests.Infrastructure;
using static GenPro.Sdk.Tests.Security.SecretLeakTests;

namespace GenPro.Sdk.Tests.Security;

/// <summary>
/// Issue 11 item 3: a redirect that would re-send a request body to another origin is refused, with an exception that
/// says why; the other origin receives nothing. A create or update body carries the ElevenLabs and Hume AI keys.
/// </summary>
public sealed class RedirectBodyTests
{
    private const string Eleven = "sk_eleven_0123456789abcdef";
    private const string Hume = "hume_0123456789abcdef";

    public static TheoryData<string, int, Construction> Writes()
    {
        var data = new TheoryData<string, int, Construction>();
        foreach (var (operation, status) in new[] { ("Agents.Create", 307), ("Agents.Create", 308), ("Agents.Update", 307), ("Agents.Update", 308), ("Agents.Update", 302), ("Avatars.Upload", 307) })
        {
            data.Add(operation, status, Construction.Constructor);
            data.Add(operation, status, Construction.DependencyInjection);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task A_redirect_that_would_resend_a_body_to_another_origin_is_refused(string operation, int status, Construction construction)
    {
        using var elsewhere = LoopbackServer.Recording(201, Samples.CreatedAgent);
        var location = new Uri(elsewhere.BaseAddress, "agents").ToString();
        using var api = LoopbackServer.Scripted((_, stream) =>
            Write(stream, $"HTTP/1.1 {status} Moved\r\nLocation: {location}\r\nContent-Type: text/plain\r\nContent-Length: 5\r\nConnection: close\r\n\r\nmoved"));
        using var witness = new Witness();
        var client = witness.Client(ApiServer.FastOptions(api.BaseAddress), construction);

        var e = await Assert.ThrowsAsync<GenProApiException>(() => Send(client, operation));

        elsewhere.Requests.Should().BeEmpty("the body, and the provider keys in it, never leave the API's origin");
        api.Requests.Should().ContainSingle();
        e.StatusCode.Should().Be((HttpStatusCode)status);
        e.Message.Should().MatchRegex(@"^(POST|PATCH) /v1/agents(/1)?(/avatars)? answered \d{3} \w+, a redirect the SDK did not follow: it would re-send the request body "
                                      + @"to another origin, and a request body may carry secrets \(the ElevenLabs and Hume AI keys of a create or update\), "
                                      + @"so it never leaves the API's origin\. \(request id [0-9a-f-]{36}\)$");
        e.ResponseBody.Should().Be("moved");
        e.ErrorCode.Should().BeNull();
        var span = witness.Spans.Should().ContainSingle().Subject;
        span.GetTagItem("http.response.status_code").Should().Be(status);
        var everything = witness.Everything(e);
        everything.Should().NotContain(ApiServer.ApiKey).And.NotContain(Eleven).And.NotContain(Hume);
    }

    [Theory]
    [InlineData(Construction.Constructor)]
    [InlineData(Construction.DependencyInjection)]
    public async Task A_cross_origin_303_turns_the_write_into_a_get_without_body_or_key(Construction construction)
    {
        using var elsewhere = LoopbackServer.Recording(200, """{"agent": {"id": 1, "name": "A"}}""");
        var location = new Uri(elsewhere.BaseAddress, "agents/1").ToString();
        using var api = LoopbackServer.Scripted((_, stream) =>
            Write(stream, $"HTTP/1.1 303 See Other\r\nLocation: {location}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"));
        using var witness = new Witness();
        var client = witness.Client(ApiServer.FastOptions(api.BaseAddress), construction);

        var agent = await client.Agents.UpdateAsync(1, new UpdateAgentRequest { Name = "A", ElevenLabsApiKey = Eleven });

        agent.Name.Should().Be("A");
        var hop = elsewhere.Requests.Should().ContainSingle().Subject;
        hop.Method.Should().Be("GET");
        hop.BodyLength.Should().Be(0);
        hop.Headers.Keys.Should().NotContain("x-api-key");
        string.Join("\n", hop.Headers.Values).Should().NotContain(Eleven).And.NotContain(ApiServer.ApiKey);
    }

    private static Task Send(IGenProClient client, string operation) => operation switch
    {
        "Agents.Create" => client.Agents.CreateAsync(new CreateAgentRequest { Name = "A", ElevenLabsApiKey = Eleven, HumeAiApiKey = Hume }),
        "Agents.Update" => client.Agents.UpdateAsync(1, new UpdateAgentRequest { Name = "A", ElevenLabsApiKey = Eleven, HumeAiApiKey = Hume }),
        _ => client.Avatars.UploadAsync(1, AvatarUpload.FromBytes(Images.Png, "a.png")),
    };
}
