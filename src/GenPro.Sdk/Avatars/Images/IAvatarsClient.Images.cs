using System.Diagnostics.CodeAnalysis;

namespace GenPro.Sdk;

/// <summary>Reading avatar pictures (this part); the endpoints are in <c>Avatars/IAvatarsClient.cs</c>.</summary>
public partial interface IAvatarsClient
{
    /// <summary>
    /// Opens an avatar's picture for reading from the address the API gave (<see cref="Avatar.Url"/> or
    /// <see cref="Avatar.ThumbnailUrl"/>, usually on a CDN). The request carries no API key, whatever its origin; the
    /// client's <see cref="GenProClientOptions.Timeout"/> bounds it until the result is disposed, GET retries and
    /// redirects apply as for any call, and the body is refused past <see cref="GenProClientOptions.MaxImageSize"/> or
    /// when its first bytes are not a JPEG, PNG or WebP.
    /// </summary>
    /// <param name="avatar">The avatar, as <see cref="ListAsync(long, AvatarListOptions?)"/> returned it.</param>
    /// <param name="size">The original or the thumbnail.</param>
    /// <param name="cancellationToken">Cancels the call, reading the body included.</param>
    /// <returns>The picture, open for reading: dispose it to release the connection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="avatar"/> is null.</exception>
    /// <exception cref="ArgumentException">The avatar has no URL of that size, or it is not https (http is allowed on loopback only).</exception>
    /// <exception cref="GenProNotFoundException">The CDN answered 404.</exception>
    /// <exception cref="GenProApiException">Another error status, a body that is not a JPEG, PNG or WebP, or one larger than <see cref="GenProClientOptions.MaxImageSize"/>.</exception>
    /// <exception cref="GenProConnectionException">The CDN could not be reached, or the time ran out.</exception>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The overloads differ in a required parameter's type (an avatar or a URL), or add required per-call options, so no call binds ambiguously; each keeps the optional token every async method has.")]
    Task<AvatarImage> OpenReadAsync(Avatar avatar, AvatarImageSize size, CancellationToken cancellationToken = default);

    /// <summary>Opens an avatar's picture, with per-call options; see <see cref="OpenReadAsync(Avatar, AvatarImageSize, CancellationToken)"/>.</summary>
    /// <param name="avatar">The avatar.</param>
    /// <param name="size">The original or the thumbnail.</param>
    /// <param name="requestOptions">Extra headers (sent to the CDN), a request id, a timeout and a response hook for this call; null for none.</param>
    /// <param name="cancellationToken">Cancels the call, reading the body included.</param>
    /// <returns>The picture, open for reading: dispose it to release the connection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="avatar"/> is null.</exception>
    /// <exception cref="ArgumentException">The avatar has no URL of that size or it is not https, or <paramref name="requestOptions"/> is invalid.</exception>
    /// <exception cref="GenProException">The picture could not be read (see the overload without options).</exception>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The per-call options overload takes them as a required parameter, so calls without them bind to the simpler overload.")]
    Task<AvatarImage> OpenReadAsync(Avatar avatar, AvatarImageSize size, GenProRequestOptions? requestOptions, CancellationToken cancellationToken = default);

    /// <summary>
    /// Opens a picture the API linked to, such as an agent's <see cref="AgentSummary.PrimaryAvatarUrl"/> or
    /// <see cref="Agent.PrimaryAvatarUrl"/>, as <see cref="OpenReadAsync(Avatar, AvatarImageSize, CancellationToken)"/>
    /// does: no API key, the same timeout, retries, redirects, size cap and format check. A relative URL is resolved
    /// against the API's address.
    /// </summary>
    /// <param name="imageUrl">The picture's address.</param>
    /// <param name="cancellationToken">Cancels the call, reading the body included.</param>
    /// <returns>The picture, open for reading: dispose it to release the connection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="imageUrl"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="imageUrl"/> is not https (http is allowed on loopback only) or carries user info.</exception>
    /// <exception cref="GenProNotFoundException">The CDN answered 404.</exception>
    /// <exception cref="GenProApiException">Another error status, a body that is not a JPEG, PNG or WebP, or one larger than <see cref="GenProClientOptions.MaxImageSize"/>.</exception>
    /// <exception cref="GenProConnectionException">The CDN could not be reached, or the time ran out.</exception>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The overloads differ in a required parameter's type (an avatar or a URL), or add required per-call options, so no call binds ambiguously; each keeps the optional token every async method has.")]
    Task<AvatarImage> OpenReadAsync(Uri imageUrl, CancellationToken cancellationToken = default);

    /// <summary>Opens a picture the API linked to, with per-call options; see <see cref="OpenReadAsync(Uri, CancellationToken)"/>.</summary>
    /// <param name="imageUrl">The picture's address.</param>
    /// <param name="requestOptions">Extra headers (sent to the CDN), a request id, a timeout and a response hook for this call; null for none.</param>
    /// <param name="cancellationToken">Cancels the call, reading the body included.</param>
    /// <returns>The picture, open for reading: dispose it to release the connection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="imageUrl"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="imageUrl"/> or <paramref name="requestOptions"/> is invalid.</exception>
    /// <exception cref="GenProException">The picture could not be read (see the overload without options).</exception>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The per-call options overload takes them as a required parameter, so calls without them bind to the simpler overload.")]
    Task<AvatarImage> OpenReadAsync(Uri imageUrl, GenProRequestOptions? requestOptions, CancellationToken cancellationToken = default);
}
