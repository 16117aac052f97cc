using GenPro.Sdk.Operations;
using Refit;

namespace GenPro.Sdk.Avatars;

/// <summary>
/// The avatar endpoints of <c>https://api.gen.pro/v1</c>, one method each, implemented by Refit's source generator like
/// <see cref="Agents.IAgentsApi"/> (whose summary says how requests, bodies, errors and the operation's context travel).
/// <para>
/// The upload body is the multipart form the SDK builds (<see cref="AvatarUploadForm"/>: Rails field names, raw UTF-8
/// file names, images checked before sending, streamed with progress), passed as <c>[Body] HttpContent</c>, which Refit
/// sends as it is: Refit's own multipart parts cannot express those field names or report progress.
/// </para>
/// </summary>
internal interface IAvatarsApi
{
    /// <summary>The route of one or more avatars of an agent, which bounds the length of a bulk delete's ids (<see cref="AvatarIds"/>).</summary>
    const string AvatarRoute = "/agents/{agentId}/avatars/{avatarIds}";

    /// <summary>
    /// <c>GET /agents/{id}/avatars</c>: up to 20 avatars with an id above <paramref name="cursor"/>, the primary one first
    /// (<see cref="AvatarPageSource"/> pages through them).
    /// </summary>
    [Get("/agents/{agentId}/avatars")]
    Task<List<Avatar>> ListAsync(
        long agentId,
        [AliasAs("cursor")] long? cursor,
        [Property(OperationContext.PropertyKey)] OperationContext call);

    /// <summary><c>POST /agents/{id}/avatars</c>: adds the avatars of the form; the answer has no body the SDK reads.</summary>
    [Post("/agents/{agentId}/avatars")]
    Task UploadAsync(
        long agentId,
        [Body] HttpContent form,
        [Property(OperationContext.PropertyKey)] OperationContext call);

    /// <summary><c>PATCH /agents/{id}/avatars/{avatar_id}</c>: makes the avatar the agent's primary one.</summary>
    [Patch("/agents/{agentId}/avatars/{avatarId}")]
    Task SetPrimaryAsync(
        long agentId,
        long avatarId,
        [Property(OperationContext.PropertyKey)] OperationContext call);

    /// <summary><c>DELETE /agents/{id}/avatars/{ids}</c>: deletes one avatar, or several in one request with ids joined by <c>_</c> (<c>7_8_9</c>).</summary>
    [Delete(AvatarRoute)]
    Task DeleteAsync(
        long agentId,
        string avatarIds,
        [Property(OperationContext.PropertyKey)] OperationContext call);
}
