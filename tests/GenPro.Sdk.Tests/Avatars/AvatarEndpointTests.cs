using System.Net;
using GenPro.Sdk.Tests.Infrastructure;

namespace GenPro.Sdk.Tests.Avatars;

/// <summary>Set-primary and delete paths, and the typed errors of the avatar endpoints.</summary>
public sealed class AvatarEndpointTests : IDisposable
{
    private readonly ApiServer _api = new();

    public void Dispose() => _api.Dispose();

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public async Task Set_primary_patches_the_avatar_without_a_body(string? body)
    {
        _api.Respond("PATCH", "/v1/agents/42/avatars/101", 200, body);

        await _api.Client.Avatars.SetPrimaryAsync(42, 101);

        var request = _api.SingleRequest();
        request.Method.Should().Be("PATCH");
        request.Path.Should().Be("/v1/agents/42/avatars/101");
        request.BodyAsBytes.Should().BeNullOrEmpty();
        request.Headers!["X-API-Key"].Should().Equal(ApiServer.ApiKey);
    }

    [Fact]
    public async Task Delete_joins_the_ids_with_underscores_in_one_request()
    {
        _api.Respond("DELETE", "/v1/agents/42/avatars/7_8_9", 200);

        await _api.Client.Avatars.DeleteAsync(42, 7, 8, 9);

        var request = _api.SingleRequest();
        request.Method.Should().Be("DELETE");
        request.Path.Should().Be("/v1/agents/42/avatars/7_8_9");
    }

    [Fact]
    public async Task Delete_of_one_id_and_of_a_list_use_the_same_path_shape()
    {
        _api.Respond("DELETE", "/v1/agents/42/avatars/7", 200, "");
        _api.Respond("DELETE", "/v1/agents/42/avatars/10_11", 200, "");

        await _api.Client.Avatars.DeleteAsync(42, 7);
        await _api.Client.Avatars.DeleteAsync(42, new List<long> { 10, 11 }, CancellationToken.None);

        _api.Requests.Select(r => r.RequestMessage!.Path).Should().Equal("/v1/agents/42/avatars/7", "/v1/agents/42/avatars/10_11");
        _api.Requests.Should().OnlyContain(r => r.ResponseMessage!.StatusCode!.Equals(200));
    }

    [Fact]
    public async Task An_unknown_agent_is_a_not_found_exception_on_every_avatar_endpoint()
    {
        var error = Samples.Error("Agent not found", "agent_not_found");
        _api.Respond("PATCH", "/v1/agents/42/avatars/101", 404, error);
        _api.Respond("DELETE", "/v1/agents/42/avatars/7", 404, error);
        _api.Respond("POST", "/v1/agents/42/avatars", 404, error);

        foreach (var call in new Func<Task>[]
                 {
                     () => _api.Client.Avatars.SetPrimaryAsync(42, 101),
                     () => _api.Client.Avatars.DeleteAsync(42, 7),
                     () => _api.Client.Avatars.UploadAsync(42, AvatarUpload.FromDeGod(3)),
                 })
        {
            var e = (await call.Should().ThrowAsync<GenProNotFoundException>()).Which;
            e.StatusCode.Should().Be(HttpStatusCode.NotFound);
            e.ErrorCode.Should().Be(GenProErrorCodes.AgentNotFound);
            e.ErrorMessage.Should().Be("Agent not found");
            e.Message.Should().Contain("/v1/agents/42/avatars").And.Contain("404").And.Contain("Agent not found");
        }
    }

    [Fact]
    public async Task A_refused_upload_is_a_validation_exception()
    {
        _api.Respond("POST", "/v1/agents/42/avatars", 422, Samples.Error("Avatar could not be created", "avatar_creation_failed"));

        var e = (await FluentActions.Awaiting(() => _api.Client.Avatars.UploadAsync(42, AvatarUpload.FromBytes(Images.Png, "a.png")))
            .Should().ThrowAsync<GenProValidationException>()).Which;

        e.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        e.ErrorCode.Should().Be(GenProErrorCodes.AvatarCreationFailed);
        e.Message.Should().Be("POST /v1/agents/42/avatars answered 422 UnprocessableEntity (avatar_creation_failed): Avatar could not be created" + e.RequestIdSuffix());
    }

    [Fact]
    public async Task A_refused_set_primary_is_a_validation_exception()
    {
        _api.Respond("PATCH", "/v1/agents/42/avatars/999", 422, Samples.Error("Avatar not found", "avatar_update_failed"));

        var e = (await FluentActions.Awaiting(() => _api.Client.Avatars.SetPrimaryAsync(42, 999))
            .Should().ThrowAsync<GenProValidationException>()).Which;

        e.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        e.ErrorCode.Should().Be(GenProErrorCodes.AvatarUpdateFailed);
        e.ErrorMessage.Should().Be("Avatar not found");
    }
}
