using System.Net;
using GenPro.Sdk.Tests.Infrastructure;

namespace GenPro.Sdk.Tests.Errors;

/// <summary>Every documented error row of the agent endpoints becomes the documented exception type.</summary>
public sealed class ErrorMappingTests : IDisposable
{
    private readonly ApiServer _api = new();

    public void Dispose() => _api.Dispose();

    public static TheoryData<string, string, int, string?, Type> Rows => new()
    {
        { "list", "GET /v1/agents", 401, "unauthorized", typeof(GenProAuthenticationException) },
        { "create", "POST /v1/agents", 401, "unauthorized", typeof(GenProAuthenticationException) },
        { "create", "POST /v1/agents", 422, "agent_creation_failed", typeof(GenProValidationException) },
        { "create", "POST /v1/agents", 422, "organization_not_found", typeof(GenProNotFoundException) },
        { "create", "POST /v1/agents", 422, "invalid_api_key", typeof(GenProValidationException) },
        { "get", "GET /v1/agents/42", 401, "unauthorized", typeof(GenProAuthenticationException) },
        { "get", "GET /v1/agents/42", 403, "permission_denied", typeof(GenProPermissionException) },
        { "get", "GET /v1/agents/42", 422, "agent_not_found", typeof(GenProNotFoundException) },
        { "update", "PATCH /v1/agents/42", 401, "unauthorized", typeof(GenProAuthenticationException) },
        { "update", "PATCH /v1/agents/42", 403, "permission_denied", typeof(GenProPermissionException) },
        { "update", "PATCH /v1/agents/42", 404, "user_voice_resource_not_found", typeof(GenProNotFoundException) },
        { "update", "PATCH /v1/agents/42", 422, "agent_not_found", typeof(GenProNotFoundException) },
        { "update", "PATCH /v1/agents/42", 422, "validation_error", typeof(GenProValidationException) },
        { "update", "PATCH /v1/agents/42", 422, "agent_update_failed", typeof(GenProValidationException) },
        { "update", "PATCH /v1/agents/42", 422, "invalid_api_key", typeof(GenProValidationException) },
        { "update", "PATCH /v1/agents/42", 422, "voice_id_required", typeof(GenProValidationException) },
        { "delete", "DELETE /v1/agents/42", 401, "unauthorized", typeof(GenProAuthenticationException) },
        { "delete", "DELETE /v1/agents/42", 403, "forbidden", typeof(GenProPermissionException) },
        // Status decides when the code is missing or unknown.
        { "get", "GET /v1/agents/42", 404, null, typeof(GenProNotFoundException) },
        { "get", "GET /v1/agents/42", 422, "something_new", typeof(GenProValidationException) },
        { "get", "GET /v1/agents/42", 429, null, typeof(GenProRateLimitException) },
        { "get", "GET /v1/agents/42", 500, null, typeof(GenProServerException) },
        { "get", "GET /v1/agents/42", 503, "maintenance", typeof(GenProServerException) },
        { "get", "GET /v1/agents/42", 409, "conflict", typeof(GenProApiException) },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Error_rows_map_to_typed_exceptions(string operation, string route, int status, string? code, Type expected)
    {
        var (method, path) = (route.Split(' ')[0], route.Split(' ')[1]);
        _api.Respond(method, path, status, Samples.Error("Something went wrong", code));

        var e = await Assert.ThrowsAnyAsync<GenProApiException>(() => Call(operation));

        e.GetType().Should().Be(expected);
        e.StatusCode.Should().Be((HttpStatusCode)status);
        e.ErrorCode.Should().Be(code);
        e.ErrorMessage.Should().Be("Something went wrong");
        var codePart = code is null ? "" : $" ({code})";
        var attempts = method is "GET" or "DELETE" && status is 429 or 500 or 503 ? 4 : 1; // the default policy's 3 retries
        e.Message.Should().Match($"{method} {path} answered {status} {(HttpStatusCode)status}{Retried.After(attempts)}{codePart}: Something went wrong" + e.RequestIdSuffix());
        e.AttemptCount.Should().Be(attempts);
        e.ResponseBody.Should().Be(Samples.Error("Something went wrong", code));
    }

    [Fact]
    public async Task An_html_page_from_a_proxy_is_an_api_exception_with_the_page_in_the_body()
    {
        _api.Respond("GET", "/v1/agents", 502, "<html><body>Bad gateway</body></html>", "text/html");

        var e = (await FluentActions.Awaiting(() => _api.Client.Agents.ListAsync()).Should().ThrowExactlyAsync<GenProServerException>()).Which;

        e.ErrorCode.Should().BeNull();
        e.ErrorMessage.Should().BeNull();
        e.ResponseBody.Should().Be("<html><body>Bad gateway</body></html>");
        e.Message.Should().Match("GET /v1/agents answered 502 BadGateway" + Retried.After(4) + " with a body that is not a GEN error (text/html); see ResponseBody" + e.RequestIdSuffix());
    }

    [Fact]
    public async Task An_empty_error_body_still_says_the_status()
    {
        _api.Respond("DELETE", "/v1/agents/42", 500);

        var e = (await FluentActions.Awaiting(() => _api.Client.Agents.DeleteAsync(42)).Should().ThrowExactlyAsync<GenProServerException>()).Which;

        e.Message.Should().Match("DELETE /v1/agents/42 answered 500 InternalServerError" + Retried.After(4) + e.RequestIdSuffix());
        e.ResponseBody.Should().BeNull();
    }

    [Fact]
    public async Task Rate_limit_carries_retry_after()
    {
        _api.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath("/v1/agents").UsingGet())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(429).WithHeader("Retry-After", "7")
                .WithBody(Samples.Error("Slow down", null)));

        var e = (await FluentActions.Awaiting(() => _api.Client.Agents.ListAsync()).Should().ThrowExactlyAsync<GenProRateLimitException>()).Which;

        e.RetryAfter.Should().Be(TimeSpan.FromSeconds(7));
    }

    [Theory]
    [MemberData(nameof(ClientPaths.Both), MemberType = typeof(ClientPaths))]
    public async Task A_long_error_body_is_capped_and_an_echoed_key_is_scrubbed(string path)
    {
        var body = "{\"error\": \"bad key " + ApiServer.ApiKey + "\", \"padding\": \"" + new string('x', 10_000) + "\"}";
        _api.Respond("GET", "/v1/agents", 401, body);

        using var client = ClientPaths.Create(path, _api.Options());
        var e = (await FluentActions.Awaiting(() => client.Agents.ListAsync()).Should().ThrowExactlyAsync<GenProAuthenticationException>()).Which;

        e.ResponseBody!.Length.Should().Be(GenProApiException.MaxResponseBodyLength);
        e.ResponseBody.Should().StartWith("{\"error\": \"bad key [REDACTED]\"");
        e.Message.Should().Be("GET /v1/agents answered 401 Unauthorized: bad key [REDACTED]" + e.RequestIdSuffix());
        e.ToString().Should().NotContain(ApiServer.ApiKey);
    }

    [Theory]
    [MemberData(nameof(ClientPaths.Both), MemberType = typeof(ClientPaths))]
    public async Task Provider_keys_echoed_in_an_error_are_scrubbed_from_message_and_body(string path)
    {
        _api.Respond("POST", "/v1/agents", 422,
            """{"error": "ElevenLabs rejected el_live_secret_1 and Hume rejected hume_live_secret_2", "error_code": "invalid_api_key"}""");

        using var client = ClientPaths.Create(path, _api.Options());
        var e = (await FluentActions.Awaiting(() => client.Agents.CreateAsync(new CreateAgentRequest
        {
            Name = "A",
            ElevenLabsApiKey = "el_live_secret_1",
            HumeAiApiKey = "hume_live_secret_2",
        })).Should().ThrowExactlyAsync<GenProValidationException>()).Which;

        e.ErrorMessage.Should().Be("ElevenLabs rejected [REDACTED] and Hume rejected [REDACTED]");
        e.ToString().Should().NotContainAny("el_live_secret_1", "hume_live_secret_2");
        e.ResponseBody.Should().NotContainAny("el_live_secret_1", "hume_live_secret_2");
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("{\"agent\": ")]
    [InlineData("{\"error\": \"surprise\"}")]
    [InlineData("null")]
    public async Task An_unreadable_success_body_is_an_api_exception_never_a_json_exception(string body)
    {
        _api.Respond("POST", "/v1/agents", 201, body);

        var e = (await FluentActions.Awaiting(() => _api.Client.Agents.CreateAsync(new CreateAgentRequest { Name = "X" }))
            .Should().ThrowExactlyAsync<GenProApiException>()).Which;

        e.StatusCode.Should().Be(HttpStatusCode.Created);
        e.Message.Should().StartWith("POST /v1/agents answered 201 Created, but its body ");
    }

    private Task Call(string operation) => operation switch
    {
        "list" => _api.Client.Agents.ListAsync(),
        "create" => _api.Client.Agents.CreateAsync(new CreateAgentRequest { Name = "X" }),
        "get" => _api.Client.Agents.GetAsync(42),
        "update" => _api.Client.Agents.UpdateAsync(42, new UpdateAgentRequest { Name = "Y" }),
        "delete" => _api.Client.Agents.DeleteAsync(42),
        _ => throw new ArgumentOutOfRangeException(nameof(operation)),
    };
}
