namespace GenPro.Sdk;

/// <summary>How <see cref="IAvatarsClient.ListAsync(long, AvatarListOptions?)"/> fetches its pages.</summary>
public sealed class AvatarListOptions
{
    /// <summary>
    /// Requests the next page while the caller consumes the current one, hiding one round trip per page. Off by
    /// default (no request is made before it is needed). Stopping early cancels and awaits the request in flight.
    /// </summary>
    public bool Prefetch { get; set; }
}
