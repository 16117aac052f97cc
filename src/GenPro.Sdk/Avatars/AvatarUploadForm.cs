using System.Globalization;
using GenPro.Sdk.Bodies;

namespace GenPro.Sdk.Avatars;

/// <summary>
/// The body of an avatar upload. The upload endpoint is not nested attributes: it documents the array form
/// <c>agent_avatars_attributes[][k]</c>, in which Rack adds <c>k</c> to the last object unless that object already has
/// <c>k</c>. A run of one kind parses right, a change of kind would merge two objects, and nothing shows the endpoint
/// accepts an indexed hash instead; so an upload sends one request per kind. (Agent create and update, which do take
/// nested attributes, write avatars by index: <see cref="Agents.AgentBody"/>.)
/// </summary>
internal static class AvatarUploadForm
{
    public const string UploadFile = "agent_avatars_attributes[][file]";
    public const string UploadDeGod = "agent_avatars_attributes[][degod_avatar_id]";

    /// <summary>The body of one upload request; <paramref name="uploads"/> must be all images or all DeGod ids.</summary>
    public static async Task<RequestBody> ForUploadAsync(
        IReadOnlyList<AvatarUpload> uploads, string paramName, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        using var form = new FormBuilder();
        foreach (var upload in uploads)
        {
            if (upload.Image is { } image)
            {
                await form.AddImageAsync(UploadFile, image, paramName, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                form.AddText(UploadDeGod, upload.DeGodAvatarId!.Value.ToString(CultureInfo.InvariantCulture));
            }
        }

        return form.Build(progress);
    }
}
