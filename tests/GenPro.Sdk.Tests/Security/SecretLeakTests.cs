using System.Net;
using System.Text;
using System.Text.Json;
using GenPro.Sdk.Tests.Infrastructure;

namespace GenPro.Sdk.Tests.Security;

/// <summary>
/// Issue 11 items 4-7: a key the server puts in a redirect path, a JSON property name, an <c>error_code</c>, a status
/// line or an escaped echo never reaches an exception (message, properties, inner chain, ToString), a log line at
/// Trace or a span. Each case runs with a plain key and with one full of characters that JSON and URLs escape.
/// </summary>
public sealed class SecretLeakTests
{
    /// <summary>A key the options rules accept (visible ASCII) that JSON escapes as \u003C… and a URL as %3C….</summary>
    public const string HostileKey = "gen_pat_<a>&b'c+d\"e\\f0123456789";

    public static TheoryData<string, Construction> Keys() => new()
    {
        { ApiServer.ApiKey, Construction.Constructor },
        { ApiServer.ApiKey, Construction.DependencyInjection },
        { HostileKey, Construction.Constructor },
        { HostileKey, Construction.DependencyInjection },
    };

    [Theory]
    [MemberData(nameof(Keys))]
    public async Task A_redirect_to_a_path_spelling_the_key_then_a_404_leaks_it_nowhere(string key, Construction construction)
    {
        using var server = LoopbackServer.Scripted((head, stream) => head.StartsWith("GET /v1/agents/42 ", StringComparison.Ordinal)
            ? Write(stream, $"HTTP/1.1 302 Found\r\nLocation: /v1/agents/{key}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            : Write(stream, Response(404, """{"error": "no such agent", "error_code": "not_found"}""")));
        using var witness = new Witness();
        var client = witness.Client(Options(server, key), construction);

        var e = await Assert.ThrowsAsync<GenProNotFoundException>(() => client.Agents.GetAsync(42));

        server.Requests.Should().HaveCount(2);
        e.Message.Should().Be("GET /v1/agents/[REDACTED] answered 404 NotFound (not_found): no such agent" + e.RequestIdSuffix());
        witness.Logs.Should().Contain(l => l.Message.StartsWith("GenPro Agents.Get: GET /v1/agents/[REDACTED] answered 404 in ", StringComparison.Ordinal));
        witness.Spans.Should().ContainSingle().Which.GetTagItem("genpro.error_code").Should().Be("not_found");
        AssertNoLeak(witness.Everything(e), key);
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public async Task A_redirect_to_a_path_spelling_the_key_then_an_html_200_leaks_it_nowhere(string key, Construction construction)
    {
        using var server = LoopbackServer.Scripted((head, stream) => head.StartsWith("GET /v1/agents/42 ", StringComparison.Ordinal)
            ? Write(stream, $"HTTP/1.1 307 Temporary Redirect\r\nLocation: /v1/agents/{Uri.EscapeDataString(key)}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            : Write(stream, Response(200, $"<html>{key}</html>", "text/html")));
        using var witness = new Witness();
        var client = witness.Client(Options(server, key), construction);

        var e = await Assert.ThrowsAsync<GenProApiException>(() => client.Agents.GetAsync(42));

        e.StatusCode.Should().Be(HttpStatusCode.OK);
        e.Message.Should().StartWith("GET /v1/agents/[REDACTED] answered 200 OK, but its body could not be read as Agent: ");
        e.InnerException.Should().BeOfType<JsonException>();
        AssertNoLeak(witness.Everything(e), key);
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public async Task A_json_error_naming_a_property_after_the_key_leaks_it_nowhere(string key, Construction construction)
    {
        var body = "{\"id\":1," + JsonSerializer.Serialize(key) + ":{\"x\":[1,}}";
        using var server = LoopbackServer.Scripted((_, stream) => Write(stream, Response(200, body)));
        using var witness = new Witness();
        var client = witness.Client(Options(server, key), construction);

        var e = await Assert.ThrowsAsync<GenProApiException>(() => client.Agents.GetAsync(1));

        e.Message.Should().StartWith("GET /v1/agents/1 answered 200 OK, but its body could not be read as Agent: ").And.Contain("[REDACTED]");
        var json = e.InnerException.Should().BeOfType<JsonException>().Subject;
        json.Path.Should().Contain("[REDACTED]");
        AssertNoLeak(witness.Everything(e), key);
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public async Task An_error_code_spelling_the_key_is_redacted(string key, Construction construction)
    {
        var body = $$"""{"error_code": {{JsonSerializer.Serialize(key)}}, "error": {{JsonSerializer.Serialize("bad " + key)}}}""";
        using var server = LoopbackServer.Scripted((_, stream) => Write(stream, Response(404, body)));
        using var witness = new Witness();
        var client = witness.Client(Options(server, key), construction);

        var e = await Assert.ThrowsAsync<GenProNotFoundException>(() => client.Agents.GetAsync(1));

        e.ErrorCode.Should().Be("[REDACTED]");
        e.ErrorMessage.Should().Be("bad [REDACTED]");
        e.Message.Should().Be("GET /v1/agents/1 answered 404 NotFound ([REDACTED]): bad [REDACTED]" + e.RequestIdSuffix());
        e.ResponseBody.Should().Be("""{"error_code": "[REDACTED]", "error": "bad [REDACTED]"}""");
        witness.Spans.Should().ContainSingle().Which.GetTagItem("genpro.error_code").Should().Be("[REDACTED]");
        AssertNoLeak(witness.Everything(e), key);
    }

    [Theory]
    [InlineData(Construction.Constructor)]
    [InlineData(Construction.DependencyInjection)]
    public async Task Every_escaped_form_of_a_key_and_of_the_provider_keys_is_redacted(Construction construction)
    {
        const string eleven = "sk_<eleven>&'+\"\\labs_0123456789";
        const string hume = "hume'key+1<2>_0123456789abc";
        var forms = Forms(HostileKey).Concat(Forms(eleven)).Concat(Forms(hume)).ToList();
        var body = "{\"error\": \"echo\", \"seen\": [" + string.Join(", ", forms.Select(f => "\"" + f + "\"")) + "]}";
        using var server = LoopbackServer.Scripted((_, stream) => Write(stream, Response(422, body)));
        using var witness = new Witness();
        var client = witness.Client(Options(server, HostileKey), construction);

        var e = await Assert.ThrowsAsync<GenProValidationException>(
            () => client.Agents.CreateAsync(new CreateAgentRequest { Name = "A", ElevenLabsApiKey = eleven, HumeAiApiKey = hume }));

        e.ResponseBody.Should().Be("{\"error\": \"echo\", \"seen\": [" + string.Join(", ", forms.Select(_ => "\"[REDACTED]\"")) + "]}");
        var everything = witness.Everything(e);
        foreach (var form in forms)
        {
            everything.Should().NotContain(form);
        }

        AssertNoLeak(everything, HostileKey);
        AssertNoLeak(everything, eleven);
        AssertNoLeak(everything, hume);
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public async Task A_key_cut_in_two_by_the_body_cap_is_redacted(string key, Construction construction)
    {
        var body = new string('x', GenProApiException.MaxResponseBodyLength - 10) + key + "tail";
        using var server = LoopbackServer.Scripted((_, stream) => Write(stream, Response(500, body, "text/plain")));
        using var witness = new Witness();
        var options = Options(server, key);
        options.Retry.MaxRetries = 0;
        var client = witness.Client(options, construction);

        var e = await Assert.ThrowsAsync<GenProServerException>(() => client.Agents.ListAsync());

        e.ResponseBody.Should().Be(new string('x', GenProApiException.MaxResponseBodyLength - 10) + "[REDACTED]");
        AssertNoLeak(witness.Everything(e), key);
    }

    public static TheoryData<string, Construction> GarbageHeads()
    {
        var data = new TheoryData<string, Construction>();
        foreach (var head in new[]
                 {
                     "HTTP/1.1 200 {0}\r\nContent-Length: 0\r\n\r\n", "HTTP/1.1 {0} OK\r\nContent-Length: 0\r\n\r\n",
                     "HTTP/1.1 200 OK\r\n{0}\r\nContent-Length: 0\r\n\r\n", "HTTP/1.1 200 OK\r\nX-Echo: {0}\r\nContent-Length: x{0}\r\n\r\n",
                 })
        {
            data.Add(head, Construction.Constructor);
            data.Add(head, Construction.DependencyInjection);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(GarbageHeads))]
    public async Task A_garbage_head_quoting_the_key_is_a_typed_exception_that_does_not_quote_it(string head, Construction construction)
    {
        using var server = LoopbackServer.Scripted((_, stream) => Write(stream, string.Format(System.Globalization.CultureInfo.InvariantCulture, head, ApiServer.ApiKey)));
        using var witness = new Witness();
        var client = witness.Client(Options(server, ApiServer.ApiKey), construction); // retried: the retry logs see each failure too

        var e = await Assert.ThrowsAnyAsync<GenProException>(() => client.Agents.GetAsync(1));

        AssertNoLeak(witness.Everything(e), ApiServer.ApiKey);
    }

    [Theory]
    [InlineData(Construction.Constructor)]
    [InlineData(Construction.DependencyInjection)]
    public async Task A_garbage_head_quoting_a_provider_key_is_a_typed_exception_that_does_not_quote_it(Construction construction)
    {
        const string eleven = "sk_eleven_garbage_0123456789";
        using var server = LoopbackServer.Scripted((_, stream) => Write(stream, $"HTTP/1.1 201 Created\r\n{eleven}\r\nContent-Length: 0\r\n\r\n"));
        using var witness = new Witness();
        var client = witness.Client(Options(server, ApiServer.ApiKey), construction);

        var e = await Assert.ThrowsAsync<GenProConnectionException>(
            () => client.Agents.CreateAsync(new CreateAgentRequest { Name = "A", ElevenLabsApiKey = eleven }));

        e.Message.Should().StartWith("Agents.Create failed: ");
        e.InnerException!.Message.Should().Contain("[REDACTED]");
        AssertNoLeak(witness.Everything(e), eleven);
        AssertNoLeak(witness.Everything(e), ApiServer.ApiKey);
    }

    /// <summary>The forms a server might echo a secret in: raw, JSON-escaped (both hex cases, short escapes), percent-encoded, mixed.</summary>
    internal static IEnumerable<string> Forms(string secret)
    {
        string Each(Func<char, string> form) => string.Concat(secret.Select(form));
        yield return Each(c => c is '"' or '\\' ? "\\" + c : c.ToString());
        yield return JsonSerializer.Serialize(secret)[1..^1];
        yield return Each(c => char.IsLetterOrDigit(c) ? c.ToString() : $"\\u{(int)c:X4}");
        yield return Each(c => char.IsLetterOrDigit(c) ? c.ToString() : $"\\u{(int)c:x4}");
        yield return Each(c => $"\\u{(int)c:x4}");
        yield return Uri.EscapeDataString(secret).Replace("\\", "\\\\", StringComparison.Ordinal);
        yield return Each(c => char.IsLetterOrDigit(c) ? c.ToString() : $"%{(int)c:x2}");
        yield return Each(c => $"%{(int)c:X2}");
        yield return string.Concat(secret.Select((c, i) => (i % 3) switch
        {
            0 => $"\\u{(int)c:X4}",
            1 => $"%{(int)c:x2}",
            _ => c is '"' or '\\' ? "\\" + c : c.ToString(),
        }));
    }

    internal static void AssertNoLeak(string everything, string key)
    {
        everything.Should().NotContain(key);
        everything.Should().NotContain(key[8..^4], "not even the secret part of the key, in any form");
        everything.Should().NotContain(Uri.EscapeDataString(key));
        everything.Should().NotContain(JsonSerializer.Serialize(key)[1..^1]);
        everything.Should().NotContain(key.Replace('\\', '/'));
    }

    internal static GenProClientOptions Options(LoopbackServer server, string key)
    {
        var options = ApiServer.FastOptions(server.BaseAddress);
        options.ApiKey = key;
        return options;
    }

    internal static string Response(int status, string body, string contentType = "application/json") =>
        $"HTTP/1.1 {status} X\r\nContent-Type: {contentType}\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\nConnection: close\r\n\r\n{body}";

    internal static Task Write(System.Net.Sockets.NetworkStream stream, string text) => stream.WriteAsync(Encoding.UTF8.GetBytes(text)).AsTask();
}
