using System.Globalization;
using GenPro.Sdk.Operations;

namespace GenPro.Sdk.Agents;

/// <summary>
/// The agent endpoints' requests: method, path and body. <see cref="OperationRunner"/> sends them and alone decides how
/// statuses and bodies become results or typed exceptions; bodies are built by <see cref="AgentBody"/> (JSON, or
/// multipart when a file travels). Ids are positive (checked by the caller) and need no escaping.
/// </summary>
internal static class AgentRoutes
{
    public static ApiRequest List(long? workspaceId) => new(
        HttpMethod.Get,
        workspaceId is { } id ? string.Create(CultureInfo.InvariantCulture, $"/agents?workspace_id={id}") : "/agents");

    public static ApiRequest Create(HttpContent body) => new(HttpMethod.Post, "/agents", body);

    public static ApiRequest Get(long agentId, bool withOrganizationUuid) => new(
        HttpMethod.Get,
        withOrganizationUuid ? string.Create(CultureInfo.InvariantCulture, $"/agents/{agentId}?with_organization_uuid=true") : Path(agentId));

    public static ApiRequest Update(long agentId, HttpContent body) => new(HttpMethod.Patch, Path(agentId), body);

    public static ApiRequest Delete(long agentId) => new(HttpMethod.Delete, Path(agentId));

    private static string Path(long agentId) => string.Create(CultureInfo.InvariantCulture, $"/agents/{agentId}");
}
