using GenPro.Sdk.Http;
using GenPro.Sdk.Internal;
using GenPro.Sdk.Serialization;

namespace GenPro.Sdk.Agents;

/// <summary>Checks arguments, shapes bodies and unwraps responses for the agent endpoints.</summary>
internal sealed class AgentsClient(IAgentsApi api, OperationRunner runner) : IAgentsClient
{
    public async Task<IReadOnlyList<AgentSummary>> ListAsync(long? workspaceId = null, CancellationToken cancellationToken = default)
    {
        if (workspaceId is { } id)
        {
            Guard.Id(id, nameof(workspaceId));
        }

        return await runner.RunAsync(
            "Agents.List",
            (api, workspaceId),
            static (s, ct) => s.api.ListAsync(s.workspaceId, ct),
            GenProJsonContext.Default.ListAgentSummary,
            cancellationToken).ConfigureAwait(false);
    }

    public Task<Agent> CreateAsync(CreateAgentRequest request, CancellationToken cancellationToken = default)
    {
        AgentRequestRules.Validate(request);
        return runner.RunAsync(
            "Agents.Create",
            (api, request),
            static (s, ct) => s.api.CreateAsync(AgentContent.ForCreate(s.request), ct),
            GenProJsonContext.Default.AgentEnvelope,
            static e => e.Agent,
            "agent",
            cancellationToken);
    }

    public Task<Agent> GetAsync(long agentId, bool includeOrganizationUuid = false, CancellationToken cancellationToken = default)
    {
        Guard.Id(agentId, nameof(agentId));
        return runner.RunAsync(
            "Agents.Get",
            (api, agentId, uuid: includeOrganizationUuid ? "true" : null),
            static (s, ct) => s.api.GetAsync(s.agentId, s.uuid, ct),
            GenProJsonContext.Default.Agent,
            cancellationToken);
    }

    public Task<Agent> UpdateAsync(long agentId, UpdateAgentRequest request, CancellationToken cancellationToken = default)
    {
        Guard.Id(agentId, nameof(agentId));
        AgentRequestRules.Validate(request);
        return runner.RunAsync(
            "Agents.Update",
            (api, agentId, request),
            static (s, ct) => s.api.UpdateAsync(s.agentId, AgentContent.ForUpdate(s.request), ct),
            GenProJsonContext.Default.AgentEnvelope,
            static e => e.Agent,
            "agent",
            cancellationToken);
    }

    public Task DeleteAsync(long agentId, CancellationToken cancellationToken = default)
    {
        Guard.Id(agentId, nameof(agentId));
        return runner.RunAsync(
            "Agents.Delete",
            (api, agentId),
            static (s, ct) => s.api.DeleteAsync(s.agentId, ct),
            cancellationToken);
    }
}
