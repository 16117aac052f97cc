using System.Globalization;
using GenPro.Sdk.Operations;

namespace GenPro.Sdk.Agents;

/// <summary>
/// The agent endpoints' routes. Every method returns the raw response so that <see cref="OperationRunner"/> alone
/// decides how statuses and bodies become results or typed exceptions; bodies are built by <see cref="AgentBody"/>
/// (JSON, or multipart when a file travels). Ids are positive (checked by the caller) and need no escaping.
/// </summary>
internal sealed class AgentsApi(RequestSender sender)
{
    public Task<HttpResponseMessage> ListAsync(long? workspaceId, CancellationToken cancellationToken) =>
        sender.SendAsync(
            HttpMethod.Get,
            workspaceId is { } id ? string.Create(CultureInfo.InvariantCulture, $"/agents?workspace_id={id}") : "/agents",
            null,
            cancellationToken);

    public Task<HttpResponseMessage> CreateAsync(HttpContent body, CancellationToken cancellationToken) =>
        sender.SendAsync(HttpMethod.Post, "/agents", body, cancellationToken);

    public Task<HttpResponseMessage> GetAsync(long agentId, bool withOrganizationUuid, CancellationToken cancellationToken) =>
        sender.SendAsync(
            HttpMethod.Get,
            withOrganizationUuid
                ? string.Create(CultureInfo.InvariantCulture, $"/agents/{agentId}?with_organization_uuid=true")
                : Path(agentId),
            null,
            cancellationToken);

    public Task<HttpResponseMessage> UpdateAsync(long agentId, HttpContent body, CancellationToken cancellationToken) =>
        sender.SendAsync(HttpMethod.Patch, Path(agentId), body, cancellationToken);

    public Task<HttpResponseMessage> DeleteAsync(long agentId, CancellationToken cancellationToken) =>
        sender.SendAsync(HttpMethod.Delete, Path(agentId), null, cancellationToken);

    private static string Path(long agentId) => string.Create(CultureInfo.InvariantCulture, $"/agents/{agentId}");
}
