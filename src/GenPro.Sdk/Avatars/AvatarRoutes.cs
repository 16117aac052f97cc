using System.Globalization;
using GenPro.Sdk.Operations;

namespace GenPro.Sdk.Avatars;

/// <summary>The avatar endpoints' requests: method, path and body, sent by <see cref="OperationRunner"/> like <see cref="Agents.AgentRoutes"/>.</summary>
internal static class AvatarRoutes
{
    public static ApiRequest List(long agentId, long? cursor) => new(
        HttpMethod.Get,
        cursor is { } after ? string.Create(CultureInfo.InvariantCulture, $"/agents/{agentId}/avatars?cursor={after}") : Path(agentId));

    public static ApiRequest Upload(long agentId, HttpContent body) => new(HttpMethod.Post, Path(agentId), body);

    public static ApiRequest SetPrimary(long agentId, long avatarId) =>
        new(HttpMethod.Patch, AvatarPath(agentId, avatarId.ToString(CultureInfo.InvariantCulture)));

    /// <summary><paramref name="avatarIds"/> is one id or several joined by underscores (<c>7_8_9</c>).</summary>
    public static ApiRequest Delete(long agentId, string avatarIds) => new(HttpMethod.Delete, AvatarPath(agentId, avatarIds));

    /// <summary>The path of one or more avatars of an agent (<c>/agents/1/avatars/7_8_9</c>), which bounds a bulk delete (<see cref="AvatarIds"/>).</summary>
    public static string AvatarPath(long agentId, string avatarIds) =>
        string.Create(CultureInfo.InvariantCulture, $"/agents/{agentId}/avatars/{avatarIds}");

    private static string Path(long agentId) => string.Create(CultureInfo.InvariantCulture, $"/agents/{agentId}/avatars");
}
