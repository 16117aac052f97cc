using GenPro.Sdk.Calls;
using GenPro.Sdk.Operations;

namespace GenPro.Sdk.Avatars;

/// <summary>Reading avatar pictures: checks the arguments, then hands the URL to the <see cref="Images.AvatarImageReader"/>.</summary>
internal sealed partial class AvatarsClient
{
    private static readonly string OpenReadName = OperationContext.NameOf(nameof(IGenProClient.Avatars), nameof(OpenReadAsync));

    public Task<AvatarImage> OpenReadAsync(Avatar avatar, AvatarImageSize size, CancellationToken cancellationToken = default) =>
        OpenReadAsync(avatar, size, null, cancellationToken);

    public Task<AvatarImage> OpenReadAsync(Avatar avatar, AvatarImageSize size, GenProRequestOptions? requestOptions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(avatar);
        var (url, field) = size switch
        {
            AvatarImageSize.Original => (avatar.Url, "url"),
            AvatarImageSize.Thumbnail => (avatar.ThumbnailUrl, "thumbnail_url"),
            _ => throw new ArgumentOutOfRangeException(nameof(size), size, "The size must be AvatarImageSize.Original or AvatarImageSize.Thumbnail."),
        };
        if (url is null)
        {
            throw new ArgumentException($"The avatar #{avatar.Id} has no {field} (the API sent none): there is no {size} picture to read.", nameof(avatar));
        }

        return Open(Images.Resolve(url, nameof(avatar), $"The avatar's {field}"), requestOptions, cancellationToken);
    }

    public Task<AvatarImage> OpenReadAsync(Uri imageUrl, CancellationToken cancellationToken = default) =>
        OpenReadAsync(imageUrl, null, cancellationToken);

    public Task<AvatarImage> OpenReadAsync(Uri imageUrl, GenProRequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        Open(Images.Resolve(imageUrl, nameof(imageUrl), "The image URL"), requestOptions, cancellationToken);

    private Task<AvatarImage> Open(Uri url, GenProRequestOptions? requestOptions, CancellationToken cancellationToken)
    {
        requestOptions = RequestOptionsChecks.Checked(requestOptions, nameof(requestOptions));
        return Images.OpenAsync(OpenReadName, url, agentId: null, requestOptions, cancellationToken);
    }
}
