using System.Net;
using System.Text;
using GenPro.Sdk.Tests.Infrastructure;

namespace GenPro.Sdk.Tests.Security;

/// <summary>
/// Nothing a server, a proxy or an attacker in front of one sends may crash a caller with anything but a typed
/// <see cref="GenProException"/>, hang, or cost unbounded memory.
/// </summary>
public sealed class HostileResponseTests
{
    [Theory]
    [InlineData("{\"id\": 4", "truncated JSON")]
    [InlineData("{\"id\": true, \"name\": \"x\"}", "a boolean id")]
    [InlineData("{\"id\": 1, \"name\": 7}", "a numeric name")]
    [InlineData("{\"id\": 99999999999999999999999, \"name\": \"x\"}", "an id beyond long")]
    [InlineData("{\"id\": \"abc\", \"name\": \"x\"}", "a non-numeric string id")]
    [InlineData("[]", "an array for an object")]
    [InlineData("{\"id\": 1, \"name\": \"x\", \"role\": 5}", "a numeric role")]
    [InlineData("{\"id\": 1, \"name\": \"x\", \"default_user_voice\": [1]}", "an array voice")]
    public async Task Malformed_success_bodies_are_api_exceptions(string body, string what)
    {
        using var server = LoopbackServer.Fixed($"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}", Encoding.UTF8.GetBytes(body));
        using var client = Client(server);

        var e = await Assert.ThrowsAsync<GenProApiException>(() => client.Agents.GetAsync(1));

        e.StatusCode.Should().Be(HttpStatusCode.OK, what);
        e.InnerException.Should().BeOfType<System.Text.Json.JsonException>();
    }

    [Fact]
    public async Task Deeply_nested_json_is_an_api_exception_not_a_stack_overflow()
    {
        var body = "{\"id\": 1, \"name\": \"x\", \"extra\": " + new string('[', 100_000) + new string(']', 100_000) + "}";
        using var server = LoopbackServer.Fixed($"HTTP/1.1 200 OK\r\nContent-Length: {body.Length}", Encoding.ASCII.GetBytes(body));
        using var client = Client(server);

        var e = await Assert.ThrowsAsync<GenProApiException>(() => client.Agents.GetAsync(1));

        e.Message.Should().Contain("maximum configured depth of 64");
    }

    [Fact]
    public async Task Invalid_utf8_in_a_success_body_is_an_api_exception()
    {
        var body = "{\"id\": 1, \"name\": \"\xFF\xFE\"}"u8.ToArray();
        body[20] = 0xFF;
        using var server = LoopbackServer.Fixed($"HTTP/1.1 200 OK\r\nContent-Length: {body.Length}", body);
        using var client = Client(server);

        await Assert.ThrowsAsync<GenProApiException>(() => client.Agents.GetAsync(1));
    }

    [Fact]
    public async Task Invalid_utf8_in_an_error_body_is_kept_readable()
    {
        byte[] body = [.. "{\"error\": \"bad "u8, 0xC3, 0x28, .. "\", \"error_code\": \"validation_error\"}"u8];
        using var server = LoopbackServer.Fixed($"HTTP/1.1 422 Unprocessable Entity\r\nContent-Length: {body.Length}", body);
        using var client = Client(server);

        var e = await Assert.ThrowsAsync<GenProValidationException>(() => client.Agents.GetAsync(1));

        e.ErrorCode.Should().Be("validation_error");
        e.ErrorMessage.Should().Be("bad \uFFFD(");
    }

    [Fact]
    public async Task A_50_MB_error_body_is_not_read_into_memory()
    {
        const long size = 50L * 1024 * 1024;
        var chunk = Encoding.ASCII.GetBytes(new string('x', 64 * 1024));
        using var server = LoopbackServer.Scripted(async stream =>
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/html\r\nContent-Length: {size}\r\n\r\n"));
            for (long sent = 0; sent < size; sent += chunk.Length)
            {
                await stream.WriteAsync(chunk);
            }
        });
        using var client = Client(server);
        await Assert.ThrowsAsync<GenProServerException>(() => client.Agents.ListAsync()); // warm up the pipeline's one-off costs

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var e = await Assert.ThrowsAsync<GenProServerException>(() => client.Agents.ListAsync());
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        e.ResponseBody!.Length.Should().Be(GenProApiException.MaxResponseBodyLength);
        allocated.Should().BeLessThan(4 * 1024 * 1024, "the SDK reads at most 64 KiB of an error body");
    }

    [Theory]
    [InlineData("HTTP/1.1 302 Found", HttpStatusCode.Found)]
    [InlineData("HTTP/1.1 304 Not Modified", HttpStatusCode.NotModified)]
    [InlineData("HTTP/1.1 799 Whatever", (HttpStatusCode)799)]
    [InlineData("HTTP/1.1 418 I'm a teapot", (HttpStatusCode)418)]
    public async Task Odd_statuses_are_api_exceptions(string statusLine, HttpStatusCode expected)
    {
        using var server = LoopbackServer.Fixed(statusLine + "\r\nContent-Length: 0", []);
        using var client = Client(server);

        var e = await Assert.ThrowsAnyAsync<GenProApiException>(() => client.Agents.ListAsync());

        e.StatusCode.Should().Be(expected);
    }

    [Fact]
    public async Task A_status_line_that_is_not_http_is_a_connection_exception()
    {
        using var server = LoopbackServer.Fixed("SSH-2.0-OpenSSH_9.6", []);
        using var client = Client(server);

        await Assert.ThrowsAsync<GenProConnectionException>(() => client.Agents.ListAsync());
    }

    [Fact]
    public async Task A_connection_reset_mid_body_is_a_connection_exception()
    {
        using var server = LoopbackServer.Fixed("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000", "[{\"id\": 1, \"na"u8.ToArray());
        using var client = Client(server);

        var e = await Assert.ThrowsAsync<GenProConnectionException>(() => client.Agents.ListAsync());

        e.Message.Should().StartWith("GET /v1/agents failed: ");
    }

    [Fact]
    public async Task A_connection_reset_mid_error_body_still_reports_the_status()
    {
        using var server = LoopbackServer.Fixed("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 1000", "{\"error\": \"ma"u8.ToArray());
        using var client = Client(server);

        var e = await Assert.ThrowsAsync<GenProServerException>(() => client.Agents.ListAsync());

        e.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("text/html; charset=iso-8859-1")]
    [InlineData(null)]
    public async Task A_wrong_content_type_on_usable_json_still_succeeds(string? contentType)
    {
        var body = "{\"id\": 1, \"name\": \"x\"}";
        var type = contentType is null ? "" : $"\r\nContent-Type: {contentType}";
        using var server = LoopbackServer.Fixed($"HTTP/1.1 200 OK{type}\r\nContent-Length: {body.Length}", Encoding.ASCII.GetBytes(body));
        using var client = Client(server);

        (await client.Agents.GetAsync(1)).Name.Should().Be("x");
    }

    [Fact]
    public async Task A_body_on_an_empty_body_endpoint_is_ignored()
    {
        using var server = LoopbackServer.Fixed("HTTP/1.1 200 OK\r\nContent-Length: 11", "{\"ok\":true}"u8.ToArray());
        using var client = Client(server);

        await client.Agents.DeleteAsync(1);
    }

    [Fact]
    public async Task A_2xx_carrying_an_error_object_is_an_api_exception()
    {
        var body = "{\"error\": \"Agent not found\", \"error_code\": \"agent_not_found\"}";
        using var server = LoopbackServer.Fixed($"HTTP/1.1 200 OK\r\nContent-Length: {body.Length}", Encoding.ASCII.GetBytes(body));
        using var client = Client(server);

        var e = await Assert.ThrowsAsync<GenProApiException>(() => client.Agents.UpdateAsync(1, new UpdateAgentRequest { Name = "x" }));

        e.Message.Should().Be("PATCH /v1/agents/1 answered 200 OK, but its body had no \"agent\" object." + e.RequestIdSuffix());
    }

    private static GenProClient Client(LoopbackServer server) => new(ApiServer.FastOptions(server.BaseAddress));
}
