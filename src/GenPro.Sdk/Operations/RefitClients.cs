using GenPro.Sdk.Agents;
using GenPro.Sdk.Avatars;
using GenPro.Sdk.Serialization;
using Refit;

namespace GenPro.Sdk.Operations;

/// <summary>
/// Creates the Refit clients of the endpoints over a client's <see cref="HttpClient"/> (its pipeline built by the
/// constructor or by dependency injection), with Refit's generated code only: no reflection, trimming and AOT clean.
/// Refit's hooks are the SDK's: <see cref="GenProContentSerializer"/> reads and writes bodies, the runner's error
/// factories turn error statuses and unreadable bodies into <see cref="GenProException"/>s, and a transport failure
/// passes through unwrapped for the runner to describe, so no Refit exception ever reaches a caller.
/// </summary>
internal static class RefitClients
{
    public static (IAgentsApi Agents, IAvatarsApi Avatars) Create(HttpClient httpClient, OperationRunner runner)
    {
        var settings = new RefitSettings(new GenProContentSerializer())
        {
            ExceptionFactory = runner.ErrorOfAsync,
            DeserializationExceptionFactory = runner.UnreadableBodyAsync,
            TransportExceptionFactory = static (_, e, _) => e,

            // The serializer's synchronous hook hands Refit the body as it is (a form with its Content-Length, JSON bytes);
            // Refit's default would wrap it in a push content and send it chunked.
            RequestBodySerialization = RequestBodySerializationMode.Buffered,
        };
        return (RestService.ForGenerated<IAgentsApi>(httpClient, settings), RestService.ForGenerated<IAvatarsApi>(httpClient, settings));
    }
}
