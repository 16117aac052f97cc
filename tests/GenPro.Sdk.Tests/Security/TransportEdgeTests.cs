using System.Net;
using System.Net.Sockets;
using System.Text;
using GenPro.Sdk.Tests.Infrastructure;
using static GenPro.Sdk.Tests.Security.SecretLeakTests;
using static GenPro.Sdk.Tests.Security.TimeoutTests;

namespace GenPro.Sdk.Tests.Security;

/// <summary>
/// Issue 11's "also run" list, over real sockets: odd heads and bodies end in the exception that says what happened,
/// within a hard bound. (Invalid UTF-8 and a reset mid-body are in <see cref="HostileResponseTests"/>.)
/// </summary>
public sealed class TransportEdgeTests
{
    [Theory]
    [InlineData("HTTP/1.1 abc OK\r\n\r\n")]
    [InlineData("HTTP/1.1 99999 Big\r\nContent-Length: 0\r\n\r\n")]
    [InlineData("\0\0\0\0\0\0\0\0\r\n\r\n")]
    [InlineData("HTTP/1.1200 OK\r\n\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")]
    [InlineData("")]
    public async Task A_garbage_head_is_a_connection_exception(string head)
    {
        using var server = LoopbackServer.Scripted((_, stream) => Write(stream, head));
        using var witness = new Witness();
        var options = ApiServer.FastOptions(server.BaseAddress);
        options.Retry.MaxRetries = 0;
        var client = witness.Client(options);

        var (e, _) = await Timed(() => client.Agents.ListAsync());

        e.Should().BeOfType<GenProConnectionException>().Which.Message.Should().MatchRegex("^(Agents.List|GET /v1/agents) failed: ");
        witness.Spans.Should().ContainSingle();
    }

    [Fact]
    public async Task A_negative_content_length_is_ignored_and_the_empty_body_is_an_api_exception()
    {
        using var server = LoopbackServer.Scripted((_, stream) => Write(stream, "HTTP/1.1 200 OK\r\nContent-Length: -5\r\nConnection: close\r\n\r\n"));
        using var client = new GenProClient(ApiServer.FastOptions(server.BaseAddress));

        var (e, _) = await Timed(() => client.Agents.ListAsync());

        e.Should().BeOfType<GenProApiException>().Which.Message.Should().StartWith("GET /v1/agents answered 200 OK, but its body could not be read as AgentSummary list");
    }

    [Fact]
    public async Task A_one_megabyte_header_is_a_connection_exception_not_a_megabyte_read()
    {
        using var server = LoopbackServer.Scripted(async (_, stream) =>
        {
            await Write(stream, "HTTP/1.1 200 OK\r\nX-Huge: ");
            await stream.WriteAsync(Encoding.ASCII.GetBytes(new string('h', 1024 * 1024)));
            await Write(stream, "\r\nContent-Length: 2\r\n\r\n[]");
        });
        var options = ApiServer.FastOptions(server.BaseAddress);
        options.Retry.MaxRetries = 0;
        using var client = new GenProClient(options);

        var (e, _) = await Timed(() => client.Agents.ListAsync());

        var connection = e.Should().BeOfType<GenProConnectionException>().Subject;
        connection.Message.Should().StartWith("Agents.List failed: ");
        connection.InnerException.Should().BeOfType<HttpRequestException>().Which.Message.Should().Contain("65536", "HttpClient stops at 64 KiB of headers");
    }

    [Fact]
    public async Task A_204_on_a_get_is_an_api_exception_saying_the_body_was_empty()
    {
        using var server = LoopbackServer.Scripted((_, stream) => Write(stream, "HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n"));
        using var client = new GenProClient(ApiServer.FastOptions(server.BaseAddress));

        var (e, _) = await Timed(() => client.Agents.GetAsync(1));

        var api = e.Should().BeOfType<GenProApiException>().Subject;
        api.StatusCode.Should().Be(HttpStatusCode.NoContent);
        // Refit does not hand an empty body to the serializer; the SDK says what it got instead of a JSON parser's complaint.
        api.Message.Should().StartWith("GET /v1/agents/1 answered 204 NoContent, but its body was empty or null. (request id ");
    }

    [Fact]
    public async Task A_reset_mid_body_is_a_connection_exception()
    {
        using var server = LoopbackServer.Scripted(async (head, stream) =>
        {
            await Write(stream, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n[{\"id\": 1, \"na");
            await stream.FlushAsync();
            stream.Socket.LingerState = new LingerOption(true, 0); // the close below is a reset (RST), not a FIN
            stream.Socket.Close();
        });
        using var client = new GenProClient(ApiServer.FastOptions(server.BaseAddress));

        var (e, _) = await Timed(() => client.Agents.ListAsync());

        e.Should().BeOfType<GenProConnectionException>().Which.Message.Should().StartWith("GET /v1/agents failed: ");
    }
}
