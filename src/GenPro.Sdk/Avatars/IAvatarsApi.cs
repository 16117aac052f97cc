using Refit;

namespace GenPro.Sdk.Avatars;

/// <summary>
/// The avatar endpoints as Refit declares them (source-generated). Like <see cref="Agents.IAgentsApi"/>, every method
/// returns the raw response and <see cref="Operations.OperationRunner"/> decides what it means.
/// </summary>
internal interface IAvatarsApi
{
    [Get("/agents/{agentId}/avatars")]
    Task<HttpResponseMessage> ListAsync(long agentId, long? cursor, CancellationToken cancellationToken);

    [Post("/agents/{agentId}/avatars")]
    Task<HttpResponseMessage> UploadAsync(
        long agentId,
        [Body] HttpContent body,
        CancellationToken cancellationToken);

    [Patch("/agents/{agentId}/avatars/{avatarId}")]
    Task<HttpResponseMessage> SetPrimaryAsync(long agentId, long avatarId, CancellationToken cancellationToken);

    /// <summary>The route of <see cref="DeleteAsync"/>, which also bounds how many ids fit in one URL (<see cref="AvatarIds"/>).</summary>
    const string DeleteRoute = "/agents/{agentId}/avatars/{avatarIds}";

    /// <summary><paramref name="avatarIds"/> is one id or several joined by underscores (<c>7_8_9</c>).</summary>
    [Delete(DeleteRoute)]
    Task<HttpResponseMessage> DeleteAsync(long agentId, string avatarIds, CancellationToken cancellationToken);
}
