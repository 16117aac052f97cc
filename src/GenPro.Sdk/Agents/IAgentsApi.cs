using Refit;

namespace GenPro.Sdk.Agents;

/// <summary>
/// The agent endpoints as Refit declares them (source-generated, no reflection). Every method returns the raw
/// response so that <see cref="Operations.OperationRunner"/> alone decides how statuses and bodies become results or
/// typed exceptions; bodies are built by <see cref="AgentBody"/> (JSON, or multipart when a file travels). What a
/// call carries besides its route and body (provider keys, whether the body can be resent) travels in its
/// <see cref="Operations.OperationContext"/>.
/// </summary>
internal interface IAgentsApi
{
    [Get("/agents")]
    Task<HttpResponseMessage> ListAsync([AliasAs("workspace_id")] long? workspaceId, CancellationToken cancellationToken);

    [Post("/agents")]
    Task<HttpResponseMessage> CreateAsync(
        [Body] HttpContent body,
        CancellationToken cancellationToken);

    [Get("/agents/{agentId}")]
    Task<HttpResponseMessage> GetAsync(long agentId, [AliasAs("with_organization_uuid")] string? withOrganizationUuid, CancellationToken cancellationToken);

    [Patch("/agents/{agentId}")]
    Task<HttpResponseMessage> UpdateAsync(
        long agentId,
        [Body] HttpContent body,
        CancellationToken cancellationToken);

    [Delete("/agents/{agentId}")]
    Task<HttpResponseMessage> DeleteAsync(long agentId, CancellationToken cancellationToken);
}
