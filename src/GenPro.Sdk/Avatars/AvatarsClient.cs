using GenPro.Sdk.Avatars.Images;
using GenPro.Sdk.Bodies;
using GenPro.Sdk.Calls;
using GenPro.Sdk.Internal;
using GenPro.Sdk.Operations;

namespace GenPro.Sdk.Avatars;

/// <summary>Checks arguments, builds bodies and pages for the avatar endpoints.</summary>
internal sealed partial class AvatarsClient(OperationRunner runner, IAvatarsApi api, AvatarImageReader images) : IAvatarsClient
{
    /// <summary>Reads pictures (<c>AvatarsClient.Images.cs</c>).</summary>
    private AvatarImageReader Images => images;

    private static readonly string UploadName = OperationContext.NameOf(nameof(IGenProClient.Avatars), nameof(UploadAsync));
    private static readonly string SetPrimaryName = OperationContext.NameOf(nameof(IGenProClient.Avatars), nameof(SetPrimaryAsync));
    private static readonly string DeleteName = OperationContext.NameOf(nameof(IGenProClient.Avatars), nameof(DeleteAsync));

    public GenProPageable<Avatar> ListAsync(long agentId, AvatarListOptions? options = null) => ListAsync(agentId, options, null);

    public GenProPageable<Avatar> ListAsync(long agentId, AvatarListOptions? options, GenProRequestOptions? requestOptions)
    {
        Guard.Id(agentId, nameof(agentId));
        requestOptions = RequestOptionsChecks.Checked(requestOptions, nameof(requestOptions));
        return new GenProPageable<Avatar>(new AvatarPageSource(runner, api, agentId, options?.Prefetch ?? false) { RequestOptions = requestOptions });
    }

    public Task UploadAsync(long agentId, AvatarUpload upload, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upload);
        return UploadAsync(agentId, [upload], cancellationToken);
    }

    public Task UploadAsync(long agentId, params AvatarUpload[] uploads) => UploadAsync(agentId, (IEnumerable<AvatarUpload>)uploads, CancellationToken.None);

    public Task UploadAsync(long agentId, IEnumerable<AvatarUpload> uploads, CancellationToken cancellationToken = default) =>
        UploadCoreAsync(agentId, uploads, progress: null, requestOptions: null, cancellationToken);

    public Task UploadAsync(long agentId, IEnumerable<AvatarUpload> uploads, IProgress<long> progress, CancellationToken cancellationToken = default) =>
        UploadCoreAsync(agentId, uploads, progress ?? throw new ArgumentNullException(nameof(progress)), requestOptions: null, cancellationToken);

    public Task UploadAsync(long agentId, IEnumerable<AvatarUpload> uploads, GenProRequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        UploadCoreAsync(agentId, uploads, progress: null, requestOptions, cancellationToken);

    private async Task UploadCoreAsync(
        long agentId, IEnumerable<AvatarUpload> uploads, IProgress<long>? progress, GenProRequestOptions? requestOptions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(uploads);
        var all = uploads.ToList();
        try
        {
            await SendUploadsAsync(agentId, all, progress, requestOptions, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            AvatarUpload.ReleaseHandedOver(all);
        }
    }

    private async Task SendUploadsAsync(
        long agentId, List<AvatarUpload> uploads, IProgress<long>? progress, GenProRequestOptions? requestOptions, CancellationToken cancellationToken)
    {
        Guard.Id(agentId, nameof(agentId));
        requestOptions = RequestOptionsChecks.Checked(requestOptions, nameof(requestOptions));
        List<AvatarUpload> images = [], deGods = [];
        foreach (var upload in uploads)
        {
            if (upload is null)
            {
                throw new ArgumentException("The uploads contain null.", nameof(uploads));
            }

            if (upload.IsPrimary)
            {
                throw new ArgumentException(
                    "The upload endpoint cannot mark an avatar primary: upload it, then call SetPrimaryAsync with its id.", nameof(uploads));
            }

            (upload.Image is null ? deGods : images).Add(upload);
        }

        if (images.Count == 0 && deGods.Count == 0)
        {
            throw new ArgumentException("At least one avatar upload is required.", nameof(uploads));
        }

        // Both bodies are built (every image opened and checked) before the first request starts.
        using var imageBody = images.Count > 0 ? await AvatarUploadForm.ForUploadAsync(images, nameof(uploads), progress, cancellationToken).ConfigureAwait(false) : null;
        using var deGodBody = deGods.Count > 0 ? await AvatarUploadForm.ForUploadAsync(deGods, nameof(uploads), progress, cancellationToken).ConfigureAwait(false) : null;
        if (deGodBody is not null)
        {
            await SendUploadAsync(agentId, deGodBody, requestOptions, cancellationToken).ConfigureAwait(false);
        }

        if (imageBody is not null)
        {
            await SendUploadAsync(agentId, imageBody, requestOptions, cancellationToken).ConfigureAwait(false);
        }
    }

    public Task SetPrimaryAsync(long agentId, long avatarId, CancellationToken cancellationToken = default) =>
        SetPrimaryAsync(agentId, avatarId, null, cancellationToken);

    public Task SetPrimaryAsync(long agentId, long avatarId, GenProRequestOptions? requestOptions, CancellationToken cancellationToken = default)
    {
        Guard.Id(agentId, nameof(agentId));
        Guard.Id(avatarId, nameof(avatarId));
        requestOptions = RequestOptionsChecks.Checked(requestOptions, nameof(requestOptions));
        return runner.RunAsync(
            new OperationContext(SetPrimaryName, requestOptions) { AgentId = agentId },
            (api, agentId, avatarId),
            static (s, call) => s.api.SetPrimaryAsync(s.agentId, s.avatarId, call),
            cancellationToken);
    }

    public Task DeleteAsync(long agentId, long avatarId, CancellationToken cancellationToken = default)
    {
        Guard.Id(avatarId, nameof(avatarId));
        return DeleteAsync(agentId, [avatarId], cancellationToken);
    }

    public Task DeleteAsync(long agentId, params long[] avatarIds) => DeleteAsync(agentId, (IEnumerable<long>)avatarIds, CancellationToken.None);

    public Task DeleteAsync(long agentId, IEnumerable<long> avatarIds, CancellationToken cancellationToken = default) =>
        DeleteAsync(agentId, avatarIds, null, cancellationToken);

    public Task DeleteAsync(long agentId, IEnumerable<long> avatarIds, GenProRequestOptions? requestOptions, CancellationToken cancellationToken = default)
    {
        Guard.Id(agentId, nameof(agentId));
        requestOptions = RequestOptionsChecks.Checked(requestOptions, nameof(requestOptions));
        var ids = AvatarIds.Join(avatarIds, AvatarIds.MaxJoinedLength(runner.BaseAddress, agentId), nameof(avatarIds));
        return runner.RunAsync(
            new OperationContext(DeleteName, requestOptions) { AgentId = agentId },
            (api, agentId, ids),
            static (s, call) => s.api.DeleteAsync(s.agentId, s.ids, call),
            cancellationToken);
    }

    private Task SendUploadAsync(long agentId, RequestBody body, GenProRequestOptions? requestOptions, CancellationToken cancellationToken) =>
        runner.RunAsync(
            new OperationContext(UploadName, requestOptions) { AgentId = agentId, NonReplayableBody = body.NonReplayable },
            (api, agentId, body.Content),
            static (s, call) => s.api.UploadAsync(s.agentId, s.Content, call),
            cancellationToken);
}
