using GenPro.Sdk.Tests.Infrastructure;

namespace GenPro.Sdk.Tests.CallerInput;

/// <summary>
/// An <see cref="GenProRequestOptions.OnResponse"/> hook that throws: the caller gets the hook's own exception, and the
/// response is released, so the connection goes back to the pool (counted on the raw listener) instead of one
/// connection per call staying open.
/// </summary>
public sealed class ThrowingHookTests
{
    private const int Calls = 30;

    [Theory]
    [MemberData(nameof(ClientPaths.Both), MemberType = typeof(ClientPaths))]
    public async Task A_throwing_hook_reaches_the_caller_and_its_responses_are_released(string path)
    {
        using var server = LoopbackServer.Recording(json: Samples.Agent);
        using var client = ClientPaths.Create(path, ApiServer.FastOptions(server.BaseAddress));
        var hookFailure = new InvalidOperationException("the caller's hook failed");
        var options = new GenProRequestOptions { OnResponse = _ => throw hookFailure };

        for (var i = 0; i < Calls; i++)
        {
            Func<Task> call = (i % 3) switch
            {
                0 => () => client.Agents.GetAsync(1, false, options),
                1 => () => client.Agents.DeleteAsync(1, options),
                _ => async () =>
                {
                    await foreach (var avatar in client.Avatars.ListAsync(1, null, options))
                    {
                        _ = avatar;
                    }
                },
            };
            server.ResponseJson = (i % 3) switch { 0 => Samples.Agent, 1 => null, _ => "[]" };
            server.Status = i % 3 == 1 ? 204 : 200;

            (await call.Should().ThrowAsync<InvalidOperationException>()).Which.Should().BeSameAs(hookFailure, "the hook's exception reaches the caller as it was thrown");
        }

        server.Requests.Should().HaveCount(Calls, "a hook's failure is not retried: the server has answered");
        server.ConnectionsAccepted.Should().BeLessThanOrEqualTo(2, "each response is released, so its connection is reused (it was one connection per call)");
    }
}
