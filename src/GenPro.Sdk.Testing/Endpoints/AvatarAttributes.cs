using GenPro.Sdk.Testing.Core;
using GenPro.Sdk.Testing.Multipart;
using GenPro.Sdk.Testing.State;

namespace GenPro.Sdk.Testing.Endpoints;

/// <summary>One validated <c>agent_avatars_attributes</c> item, ready to store.</summary>
internal sealed record AvatarAttributes(long? DeGodAvatarId, string? FileName, string? ImageFormat, ReadOnlyMemory<byte> Image, bool IsPrimary)
{
    /// <summary>
    /// Validates every item before anything is stored, so a bad item fails the whole request (as a transaction would).
    /// An item needs an image file (JPEG, PNG or WebP by its first bytes) or a DeGod avatar id.
    /// </summary>
    public static List<AvatarAttributes> Read(object? value, string errorCode)
    {
        var items = ParamReader.Items(value) ?? throw new ApiError(422, errorCode, "agent_avatars_attributes must be a list of avatars");
        var result = new List<AvatarAttributes>(items.Count);
        foreach (var item in items)
        {
            if (item is not Dictionary<string, object?> hash)
            {
                throw new ApiError(422, errorCode, "Each avatar must be an object with a file or a degod_avatar_id");
            }

            var isPrimary = ParamReader.Boolean(ParamReader.Text(hash, "is_primary")) == true;
            long? deGod = null;
            if (ParamReader.Text(hash, "degod_avatar_id") is { Length: > 0 } deGodText)
            {
                deGod = ParamReader.TryId(deGodText, out var id) ? id : throw new ApiError(422, errorCode, "degod_avatar_id must be a positive integer");
            }

            if (ParamReader.Has(hash, "file"))
            {
                if (hash["file"] is not RackFile file)
                {
                    throw new ApiError(422, errorCode, "Avatar file must be an uploaded image");
                }

                var format = ImageFormats.Detect(file.Content.Span)
                             ?? throw new ApiError(422, errorCode, "Avatar file must be a JPEG, PNG or WebP image");
                result.Add(new(deGod, file.FileName, format, file.Content, isPrimary));
            }
            else if (deGod is not null)
            {
                result.Add(new(deGod, null, null, ReadOnlyMemory<byte>.Empty, isPrimary));
            }
            else
            {
                throw new ApiError(422, errorCode, "Avatar file is missing");
            }
        }

        return result;
    }

    /// <summary>Stores the avatars; the one marked primary (else the first, when <paramref name="resetPrimary"/>) becomes primary.</summary>
    public static void Store(FakeStore store, long agentId, List<AvatarAttributes> avatars, bool resetPrimary)
    {
        AvatarEntity? first = null;
        AvatarEntity? marked = null;
        foreach (var a in avatars)
        {
            var entity = store.AddAvatar(agentId, a.DeGodAvatarId, a.FileName, a.ImageFormat, a.Image);
            first ??= entity;
            if (a.IsPrimary)
            {
                marked ??= entity;
            }
        }

        if ((marked ?? (resetPrimary ? first : null)) is { } primary)
        {
            store.MakePrimary(primary);
        }
    }
}
