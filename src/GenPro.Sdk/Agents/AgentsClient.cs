using GenPro.Sdk.Avatars.Multipart;
using GenPro.Sdk.Http;
using GenPro.Sdk.Internal;
using GenPro.Sdk.Operations;
using GenPro.Sdk.Production;
using GenPro.Sdk.Serialization;

namespace GenPro.Sdk.Agents;

/// <summary>Checks arguments, shapes bodies and unwraps responses for the agent endpoints.</summary>
internal sealed class AgentsClient(IAgentsApi api, OperationRunner runner) : IAgentsClient
{
    public Task<IReadOnlyList<AgentSummary>> ListAsync(long? workspaceId = null, CancellationToken cancellationToken = default) =>
        ListAsync(workspaceId, null, cancellationToken);

    public async Task<IReadOnlyList<AgentSummary>> ListAsync(long? workspaceId, GenProRequestOptions? requestOptions, CancellationToken cancellationToken = default)
    {
        RequestOptionsChecks.ThrowIfInvalid(requestOptions, nameof(requestOptions));
        if (workspaceId is { } id)
        {
            Guard.Id(id, nameof(workspaceId));
        }

        return await runner.RunAsync(
            "Agents.List",
            (api, workspaceId),
            static (s, ct) => s.api.ListAsync(s.workspaceId, ct),
            GenProJsonContext.Default.ListAgentSummary,
            requestOptions,
            cancellationToken).ConfigureAwait(false);
    }

    public Task<Agent> CreateAsync(CreateAgentRequest request, CancellationToken cancellationToken = default) =>
        CreateAsync(request, null, cancellationToken);

    public async Task<Agent> CreateAsync(CreateAgentRequest request, GenProRequestOptions? requestOptions, CancellationToken cancellationToken = default)
    {
        try
        {
            return await CreateCoreAsync(request, requestOptions, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            AvatarUpload.ReleaseHandedOver(request?.Avatars ?? []);
        }
    }

    private async Task<Agent> CreateCoreAsync(CreateAgentRequest request, GenProRequestOptions? requestOptions, CancellationToken cancellationToken)
    {
        AgentRequestChecks.Validate(request);
        RequestOptionsChecks.ThrowIfInvalid(requestOptions, nameof(requestOptions));

        // JSON unless a file travels; a multipart body is built (its images opened and checked) before sending.
        using var body = AvatarForms.HasImage(request.Avatars)
            ? await AvatarForms.ForCreateAsync(request, cancellationToken).ConfigureAwait(false)
            : new RequestBody(AgentContent.ForCreate(request), nonReplayable: false, request.UploadProgress);
        return await runner.RunAsync(
            "Agents.Create",
            (api, body, secrets: AgentRequestChecks.Secrets(request.ElevenLabsApiKey, request.HumeAiApiKey)),
            static (s, ct) => s.api.CreateAsync(s.body.Content, s.body.NonReplayable, s.secrets, ct),
            GenProJsonContext.Default.AgentEnvelope,
            static e => e.Agent,
            "agent",
            requestOptions,
            cancellationToken).ConfigureAwait(false);
    }

    public Task<Agent> GetAsync(long agentId, bool includeOrganizationUuid = false, CancellationToken cancellationToken = default) =>
        GetAsync(agentId, includeOrganizationUuid, null, cancellationToken);

    public Task<Agent> GetAsync(long agentId, bool includeOrganizationUuid, GenProRequestOptions? requestOptions, CancellationToken cancellationToken = default)
    {
        Guard.Id(agentId, nameof(agentId));
        RequestOptionsChecks.ThrowIfInvalid(requestOptions, nameof(requestOptions));
        return runner.RunAsync(
            "Agents.Get",
            (api, agentId, uuid: includeOrganizationUuid ? "true" : null),
            static (s, ct) => s.api.GetAsync(s.agentId, s.uuid, ct),
            GenProJsonContext.Default.Agent,
            requestOptions,
            cancellationToken);
    }

    public Task<Agent> UpdateAsync(long agentId, UpdateAgentRequest request, CancellationToken cancellationToken = default) =>
        UpdateAsync(agentId, request, null, cancellationToken);

    public async Task<Agent> UpdateAsync(long agentId, UpdateAgentRequest request, GenProRequestOptions? requestOptions, CancellationToken cancellationToken = default)
    {
        try
        {
            return await UpdateCoreAsync(agentId, request, requestOptions, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            AvatarUpload.ReleaseHandedOver(request?.Avatars ?? []);
        }
    }

    private async Task<Agent> UpdateCoreAsync(
        long agentId, UpdateAgentRequest request, GenProRequestOptions? requestOptions, CancellationToken cancellationToken)
    {
        Guard.Id(agentId, nameof(agentId));
        AgentRequestChecks.Validate(request);
        RequestOptionsChecks.ThrowIfInvalid(requestOptions, nameof(requestOptions));
        using var body = AvatarForms.HasImage(request.Avatars)
            ? await AvatarForms.ForUpdateAsync(request, cancellationToken).ConfigureAwait(false)
            : new RequestBody(AgentContent.ForUpdate(request), nonReplayable: false, request.UploadProgress);
        return await runner.RunAsync(
            "Agents.Update",
            (api, agentId, body, secrets: AgentRequestChecks.Secrets(request.ElevenLabsApiKey, request.HumeAiApiKey)),
            static (s, ct) => s.api.UpdateAsync(s.agentId, s.body.Content, s.body.NonReplayable, s.secrets, ct),
            GenProJsonContext.Default.AgentEnvelope,
            static e => e.Agent,
            "agent",
            requestOptions,
            cancellationToken).ConfigureAwait(false);
    }

    public Task DeleteAsync(long agentId, CancellationToken cancellationToken = default) => DeleteAsync(agentId, null, cancellationToken);

    public Task DeleteAsync(long agentId, GenProRequestOptions? requestOptions, CancellationToken cancellationToken = default)
    {
        Guard.Id(agentId, nameof(agentId));
        RequestOptionsChecks.ThrowIfInvalid(requestOptions, nameof(requestOptions));
        return runner.RunAsync(
            "Agents.Delete",
            (api, agentId),
            static (s, ct) => s.api.DeleteAsync(s.agentId, ct),
            requestOptions,
            cancellationToken);
    }
}
