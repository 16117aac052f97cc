using GenPro.Sdk.Internal;

namespace GenPro.Sdk;

/// <summary>
/// One avatar to add to an agent: a DeGod avatar by id, or (with the upload factories) an image file.
/// </summary>
public sealed class AvatarUpload
{
    private AvatarUpload(long? deGodAvatarId, bool isPrimary)
    {
        DeGodAvatarId = deGodAvatarId;
        IsPrimary = isPrimary;
    }

    /// <summary>The DeGod avatar this upload refers to, or null for an image file.</summary>
    public long? DeGodAvatarId { get; }

    /// <summary>Whether an agent update should make this avatar the primary one (<c>is_primary</c>).</summary>
    public bool IsPrimary { get; }

    /// <summary>Refers to a DeGod avatar by its id.</summary>
    /// <param name="deGodAvatarId">The DeGod avatar's id; positive.</param>
    /// <returns>The upload.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="deGodAvatarId"/> is not positive.</exception>
    public static AvatarUpload FromDeGod(long deGodAvatarId)
    {
        Guard.Id(deGodAvatarId, nameof(deGodAvatarId));
        return new AvatarUpload(deGodAvatarId, isPrimary: false);
    }

    /// <summary>A copy of this upload that an agent update marks primary (<c>is_primary: true</c>).</summary>
    /// <returns>The marked copy.</returns>
    public AvatarUpload AsPrimary() => new(DeGodAvatarId, isPrimary: true);

    /// <inheritdoc />
    public override string ToString() => $"AvatarUpload {{ DeGodAvatarId = {DeGodAvatarId}, IsPrimary = {IsPrimary} }}";
}
