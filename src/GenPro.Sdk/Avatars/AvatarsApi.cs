using System.Globalization;
using GenPro.Sdk.Operations;

namespace GenPro.Sdk.Avatars;

/// <summary>
/// The avatar endpoints' routes. Like <see cref="Agents.AgentsApi"/>, every method returns the raw response and
/// <see cref="OperationRunner"/> decides what it means.
/// </summary>
internal sealed class AvatarsApi(RequestSender sender)
{
    /// <summary>The API's base address without its final <c>/</c>, which bounds how many ids fit in one delete URL (<see cref="AvatarIds"/>).</summary>
    public string BaseAddress => sender.BaseAddress;

    public Task<HttpResponseMessage> ListAsync(long agentId, long? cursor, CancellationToken cancellationToken) =>
        sender.SendAsync(
            HttpMethod.Get,
            cursor is { } after
                ? string.Create(CultureInfo.InvariantCulture, $"/agents/{agentId}/avatars?cursor={after}")
                : Path(agentId),
            null,
            cancellationToken);

    public Task<HttpResponseMessage> UploadAsync(long agentId, HttpContent body, CancellationToken cancellationToken) =>
        sender.SendAsync(HttpMethod.Post, Path(agentId), body, cancellationToken);

    public Task<HttpResponseMessage> SetPrimaryAsync(long agentId, long avatarId, CancellationToken cancellationToken) =>
        sender.SendAsync(HttpMethod.Patch, AvatarPath(agentId, avatarId.ToString(CultureInfo.InvariantCulture)), null, cancellationToken);

    /// <summary><paramref name="avatarIds"/> is one id or several joined by underscores (<c>7_8_9</c>).</summary>
    public Task<HttpResponseMessage> DeleteAsync(long agentId, string avatarIds, CancellationToken cancellationToken) =>
        sender.SendAsync(HttpMethod.Delete, AvatarPath(agentId, avatarIds), null, cancellationToken);

    /// <summary>The path of one or more avatars of an agent: <c>/agents/1/avatars/7_8_9</c>.</summary>
    public static string AvatarPath(long agentId, string avatarIds) =>
        string.Create(CultureInfo.InvariantCulture, $"/agents/{agentId}/avatars/{avatarIds}");

    private static string Path(long agentId) => string.Create(CultureInfo.InvariantCulture, $"/agents/{agentId}/avatars");
}
