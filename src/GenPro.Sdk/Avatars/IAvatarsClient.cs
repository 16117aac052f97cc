using System.Diagnostics.CodeAnalysis;

namespace GenPro.Sdk;

/// <summary>The avatar endpoints of an agent: list, upload, set primary, delete. Thread-safe; reach it through <see cref="IGenProClient.Avatars"/>.</summary>
public partial interface IAvatarsClient
{
    /// <summary>
    /// Lists an agent's avatars (<c>GET /agents/:id/avatars</c>), primary first, fetching pages of 20 as the result is
    /// enumerated. Nothing is sent until then. Each avatar is yielded once even though the API repeats the primary.
    /// </summary>
    /// <param name="agentId">The agent's id.</param>
    /// <param name="options">How to fetch the pages; null for the defaults.</param>
    /// <returns>The listing: enumerate it (cancel with <c>WithCancellation</c>) or page it with <see cref="GenProPageable{T}.AsPages"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="agentId"/> is not positive.</exception>
    /// <exception cref="GenProNotFoundException">While enumerating: no such agent (<c>agent_not_found</c>).</exception>
    /// <exception cref="GenProException">While enumerating: the API refused a page, could not be reached, or repeated a page.</exception>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The per-call options overload takes them as a required parameter, so calls without them bind to the simpler overload as before.")]
    [SuppressMessage("ApiDesign", "RS0027:API with optional parameter(s) should have the most parameters amongst its public overloads", Justification = "The overload with per-call options takes them as required parameters, so every existing call still binds here.")]
    GenProPageable<Avatar> ListAsync(long agentId, AvatarListOptions? options = null);

    /// <summary>Lists an agent's avatars with per-call options applied to every page request; see <see cref="ListAsync(long, AvatarListOptions?)"/>.</summary>
    /// <param name="agentId">The agent's id.</param>
    /// <param name="options">How to fetch the pages; null for the defaults.</param>
    /// <param name="requestOptions">Extra headers, a request id, a timeout and a response hook for this call; null for none.</param>
    /// <returns>The listing; nothing is sent until it is enumerated.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="agentId"/> is not positive.</exception>
    /// <exception cref="ArgumentException"><paramref name="requestOptions"/> sets a header the SDK owns, or is otherwise invalid.</exception>
    GenProPageable<Avatar> ListAsync(long agentId, AvatarListOptions? options, GenProRequestOptions? requestOptions);

    /// <summary>
    /// Adds avatars to an agent (<c>POST /agents/:id/avatars</c>, multipart). Every image is opened and checked before
    /// anything is sent. Images and DeGod ids go in one request each when both are given (Rack would merge the two
    /// kinds into one object otherwise): DeGod ids first, then images, so the call is not atomic across kinds.
    /// </summary>
    /// <param name="agentId">The agent's id.</param>
    /// <param name="uploads">The avatars to add; none may be marked primary (use <see cref="SetPrimaryAsync(long, long, CancellationToken)"/>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the API has accepted the avatars.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="uploads"/> is null.</exception>
    /// <exception cref="ArgumentException">No uploads, a null one, one marked primary, an image that is empty, closed or not a JPEG, PNG or WebP, or a stream another call is sending (one upload at a time).</exception>
    /// <exception cref="IOException">An image file or stream could not be read (the stream's own failure is the inner exception), or held fewer or more bytes than its <c>Length</c> announced.</exception>
    /// <exception cref="GenProValidationException">The API refused an avatar (<c>avatar_creation_failed</c>).</exception>
    /// <exception cref="GenProNotFoundException">No such agent (<c>agent_not_found</c>).</exception>
    /// <exception cref="GenProException">The API refused the call or could not be reached.</exception>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The overloads differ in a required parameter's type (one item or many), so no call binds ambiguously; each keeps the optional token the SDK's guidelines give every async method.")]
    Task UploadAsync(long agentId, IEnumerable<AvatarUpload> uploads, CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds avatars to an agent as <see cref="UploadAsync(long, IEnumerable{AvatarUpload}, CancellationToken)"/> does,
    /// reporting upload progress: after each write to the connection, the bytes of the request body written so far,
    /// ending at the body's full length. Bytes are counted as they leave the SDK for the connection, never as they are
    /// read or buffered. Each request starts again from 0: a retry, and the images' request after the DeGod ids' one
    /// when both kinds are given. If <paramref name="progress"/> throws, the call ends with that exception, not retried.
    /// </summary>
    /// <param name="agentId">The agent's id.</param>
    /// <param name="uploads">The avatars to add; none may be marked primary (use <see cref="SetPrimaryAsync(long, long, CancellationToken)"/>).</param>
    /// <param name="progress">Receives the byte counts; <see cref="Progress{T}"/> posts them to the caller's synchronization context.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the API has accepted the avatars.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="uploads"/> or <paramref name="progress"/> is null.</exception>
    /// <exception cref="ArgumentException">No uploads, a null one, one marked primary, an image that is empty, closed or not a JPEG, PNG or WebP, or a stream another call is sending (one upload at a time).</exception>
    /// <exception cref="IOException">An image file or stream could not be read (the stream's own failure is the inner exception), or held fewer or more bytes than its <c>Length</c> announced.</exception>
    /// <exception cref="GenProException">The API refused the call or could not be reached.</exception>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "This overload adds a required progress parameter, so no call binds ambiguously; it keeps the optional token the SDK's guidelines give every async method.")]
    Task UploadAsync(long agentId, IEnumerable<AvatarUpload> uploads, IProgress<long> progress, CancellationToken cancellationToken = default);

    /// <summary>Adds avatars to an agent, with per-call options; see <see cref="UploadAsync(long, IEnumerable{AvatarUpload}, CancellationToken)"/>.</summary>
    /// <param name="agentId">The agent's id.</param>
    /// <param name="uploads">The avatars to add.</param>
    /// <param name="requestOptions">Extra headers, a request id, a timeout and a response hook for this call; null for none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the API has accepted the avatars.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="uploads"/> is null.</exception>
    /// <exception cref="ArgumentException">An upload or <paramref name="requestOptions"/> is invalid.</exception>
    /// <exception cref="GenProException">The API refused the call or could not be reached.</exception>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The per-call options overload takes them as a required parameter, so calls without them bind to the simpler overload as before.")]
    Task UploadAsync(long agentId, IEnumerable<AvatarUpload> uploads, GenProRequestOptions? requestOptions, CancellationToken cancellationToken = default);

    /// <summary>Adds one avatar to an agent; see <see cref="UploadAsync(long, IEnumerable{AvatarUpload}, CancellationToken)"/>.</summary>
    /// <param name="agentId">The agent's id.</param>
    /// <param name="upload">The avatar to add.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the API has accepted the avatar.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="upload"/> is null.</exception>
    /// <exception cref="ArgumentException">The upload is marked primary, or its image is empty, closed or not a JPEG, PNG or WebP.</exception>
    /// <exception cref="GenProException">The API refused the call or could not be reached.</exception>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The overloads differ in a required parameter's type (one item or many), so no call binds ambiguously; each keeps the optional token the SDK's guidelines give every async method.")]
    Task UploadAsync(long agentId, AvatarUpload upload, CancellationToken cancellationToken = default);

    /// <summary>Adds avatars to an agent; see <see cref="UploadAsync(long, IEnumerable{AvatarUpload}, CancellationToken)"/>, which takes a cancellation token.</summary>
    /// <param name="agentId">The agent's id.</param>
    /// <param name="uploads">The avatars to add.</param>
    /// <returns>A task that completes when the API has accepted the avatars.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="uploads"/> is null.</exception>
    /// <exception cref="ArgumentException">No uploads, a null one, one marked primary, or a refused image.</exception>
    /// <exception cref="GenProException">The API refused the call or could not be reached.</exception>
    Task UploadAsync(long agentId, params AvatarUpload[] uploads);

    /// <summary>Makes one avatar the agent's primary and every other one not (<c>PATCH /agents/:id/avatars/:avatar_id</c>).</summary>
    /// <param name="agentId">The agent's id.</param>
    /// <param name="avatarId">The avatar's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the avatar is primary.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An id is not positive.</exception>
    /// <exception cref="GenProValidationException">No such avatar, or it was not updated (<c>avatar_update_failed</c>).</exception>
    /// <exception cref="GenProNotFoundException">No such agent (<c>agent_not_found</c>).</exception>
    /// <exception cref="GenProException">The API refused the call or could not be reached.</exception>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The per-call options overload takes them as a required parameter, so calls without them bind to the simpler overload as before.")]
    Task SetPrimaryAsync(long agentId, long avatarId, CancellationToken cancellationToken = default);

    /// <summary>Makes one avatar the agent's primary, with per-call options; see <see cref="SetPrimaryAsync(long, long, CancellationToken)"/>.</summary>
    /// <param name="agentId">The agent's id.</param>
    /// <param name="avatarId">The avatar's id.</param>
    /// <param name="requestOptions">Extra headers, a request id, a timeout and a response hook for this call; null for none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the avatar is primary.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An id is not positive.</exception>
    /// <exception cref="ArgumentException"><paramref name="requestOptions"/> sets a header the SDK owns, or is otherwise invalid.</exception>
    /// <exception cref="GenProException">The API refused the call or could not be reached.</exception>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The per-call options overload takes them as a required parameter, so calls without them bind to the simpler overload as before.")]
    Task SetPrimaryAsync(long agentId, long avatarId, GenProRequestOptions? requestOptions, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes avatars in one request (<c>DELETE /agents/:id/avatars/7_8_9</c>). Deleting the primary promotes the
    /// next avatar. The ids must fit in a URL of at most 2,000 characters (a few hundred ids).
    /// </summary>
    /// <param name="agentId">The agent's id.</param>
    /// <param name="avatarIds">The avatars' ids: at least one, each positive, no duplicates.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the avatars are deleted.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="avatarIds"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An id is not positive.</exception>
    /// <exception cref="ArgumentException">No ids, a duplicate, or too many for one URL.</exception>
    /// <exception cref="GenProNotFoundException">No such agent (<c>agent_not_found</c>).</exception>
    /// <exception cref="GenProException">The API refused the call or could not be reached.</exception>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The overloads differ in a required parameter's type (one item or many), so no call binds ambiguously; each keeps the optional token the SDK's guidelines give every async method.")]
    Task DeleteAsync(long agentId, IEnumerable<long> avatarIds, CancellationToken cancellationToken = default);

    /// <summary>Deletes avatars in one request, with per-call options; see <see cref="DeleteAsync(long, IEnumerable{long}, CancellationToken)"/>.</summary>
    /// <param name="agentId">The agent's id.</param>
    /// <param name="avatarIds">The avatars' ids.</param>
    /// <param name="requestOptions">Extra headers, a request id, a timeout and a response hook for this call; null for none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the avatars are deleted.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="avatarIds"/> is null.</exception>
    /// <exception cref="ArgumentException">The ids or <paramref name="requestOptions"/> are invalid.</exception>
    /// <exception cref="GenProException">The API refused the call or could not be reached.</exception>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The per-call options overload takes them as a required parameter, so calls without them bind to the simpler overload as before.")]
    Task DeleteAsync(long agentId, IEnumerable<long> avatarIds, GenProRequestOptions? requestOptions, CancellationToken cancellationToken = default);

    /// <summary>Deletes one avatar; see <see cref="DeleteAsync(long, IEnumerable{long}, CancellationToken)"/>.</summary>
    /// <param name="agentId">The agent's id.</param>
    /// <param name="avatarId">The avatar's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the avatar is deleted.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An id is not positive.</exception>
    /// <exception cref="GenProException">The API refused the call or could not be reached.</exception>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The overloads differ in a required parameter's type (one item or many), so no call binds ambiguously; each keeps the optional token the SDK's guidelines give every async method.")]
    Task DeleteAsync(long agentId, long avatarId, CancellationToken cancellationToken = default);

    /// <summary>Deletes avatars in one request; see <see cref="DeleteAsync(long, IEnumerable{long}, CancellationToken)"/>, which takes a cancellation token.</summary>
    /// <param name="agentId">The agent's id.</param>
    /// <param name="avatarIds">The avatars' ids.</param>
    /// <returns>A task that completes when the avatars are deleted.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="avatarIds"/> is null.</exception>
    /// <exception cref="ArgumentException">No ids, a non-positive one, a duplicate, or too many for one URL.</exception>
    /// <exception cref="GenProException">The API refused the call or could not be reached.</exception>
    Task DeleteAsync(long agentId, params long[] avatarIds);
}
