using GenPro.Sdk.Calls;
using GenPro.Sdk.Internal;
using GenPro.Sdk.Operations;

namespace GenPro.Sdk.Agents;

/// <summary>Checks arguments, shapes bodies and unwraps responses for the agent endpoints.</summary>
internal sealed class AgentsClient(OperationRunner runner, IAgentsApi api) : IAgentsClient
{
    private static readonly string ListName = OperationContext.NameOf(nameof(IGenProClient.Agents), nameof(ListAsync));
    private static readonly string CreateName = OperationContext.NameOf(nameof(IGenProClient.Agents), nameof(CreateAsync));
    private static readonly string GetName = OperationContext.NameOf(nameof(IGenProClient.Agents), nameof(GetAsync));
    private static readonly string UpdateName = OperationContext.NameOf(nameof(IGenProClient.Agents), nameof(UpdateAsync));
    private static readonly string DeleteName = OperationContext.NameOf(nameof(IGenProClient.Agents), nameof(DeleteAsync));

    public Task<IReadOnlyList<AgentSummary>> ListAsync(long? workspaceId = null, CancellationToken cancellationToken = default) =>
        ListAsync(workspaceId, null, cancellationToken);

    public async Task<IReadOnlyList<AgentSummary>> ListAsync(long? workspaceId, GenProRequestOptions? requestOptions, CancellationToken cancellationToken = default)
    {
        requestOptions = RequestOptionsChecks.Checked(requestOptions, nameof(requestOptions));
        if (workspaceId is { } id)
        {
            Guard.Id(id, nameof(workspaceId));
        }

        return await runner.RunAsync(
            new OperationContext(ListName, requestOptions),
            (api, workspaceId),
            static (s, call) => s.api.ListAsync(s.workspaceId, call),
            cancellationToken).ConfigureAwait(false);
    }

    public Task<Agent> CreateAsync(CreateAgentRequest request, CancellationToken cancellationToken = default) =>
        CreateAsync(request, null, cancellationToken);

    public async Task<Agent> CreateAsync(CreateAgentRequest request, GenProRequestOptions? requestOptions, CancellationToken cancellationToken = default)
    {
        // One async method for the whole call (the checks, the body, the run), and the caller's avatar streams released
        // however it ends.
        try
        {
            AgentRequestChecks.Validate(request);
            requestOptions = RequestOptionsChecks.Checked(requestOptions, nameof(requestOptions));

            // JSON unless a file travels; a multipart body is built (its images opened and checked) before sending.
            using var body = await AgentBody.ForCreateAsync(request, cancellationToken).ConfigureAwait(false);
            var call = new OperationContext(CreateName, requestOptions)
            {
                Secrets = ProviderKeys(request.ElevenLabsApiKey, request.HumeAiApiKey),
                NonReplayableBody = body.NonReplayable,
            };
            return await runner.RunAsync<(IAgentsApi Api, AgentBody Body), AgentEnvelope, Agent>(
                call, (api, body), static (s, c) => s.Api.CreateAsync(s.Body, c), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            AvatarUpload.ReleaseHandedOver(request?.Avatars ?? []);
        }
    }

    public Task<Agent> GetAsync(long agentId, bool includeOrganizationUuid = false, CancellationToken cancellationToken = default) =>
        GetAsync(agentId, includeOrganizationUuid, null, cancellationToken);

    public Task<Agent> GetAsync(long agentId, bool includeOrganizationUuid, GenProRequestOptions? requestOptions, CancellationToken cancellationToken = default)
    {
        Guard.Id(agentId, nameof(agentId));
        requestOptions = RequestOptionsChecks.Checked(requestOptions, nameof(requestOptions));
        var withOrganizationUuid = QueryFlag.When(includeOrganizationUuid); // the API reads only "true"; false is the default
        return runner.RunAsync(
            new OperationContext(GetName, requestOptions) { AgentId = agentId },
            (api, agentId, withOrganizationUuid),
            static (s, call) => s.api.GetAsync(s.agentId, s.withOrganizationUuid, call),
            cancellationToken);
    }

    public Task<Agent> UpdateAsync(long agentId, UpdateAgentRequest request, CancellationToken cancellationToken = default) =>
        UpdateAsync(agentId, request, null, cancellationToken);

    public async Task<Agent> UpdateAsync(long agentId, UpdateAgentRequest request, GenProRequestOptions? requestOptions, CancellationToken cancellationToken = default)
    {
        try
        {
            Guard.Id(agentId, nameof(agentId));
            AgentRequestChecks.Validate(request);
            requestOptions = RequestOptionsChecks.Checked(requestOptions, nameof(requestOptions));
            using var body = await AgentBody.ForUpdateAsync(request, cancellationToken).ConfigureAwait(false);
            var call = new OperationContext(UpdateName, requestOptions)
            {
                AgentId = agentId,
                Secrets = ProviderKeys(request.ElevenLabsApiKey, request.HumeAiApiKey),
                NonReplayableBody = body.NonReplayable,
            };
            return await runner.RunAsync<(IAgentsApi Api, long AgentId, AgentBody Body), AgentEnvelope, Agent>(
                call, (api, agentId, body), static (s, c) => s.Api.UpdateAsync(s.AgentId, s.Body, c), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            AvatarUpload.ReleaseHandedOver(request?.Avatars ?? []);
        }
    }

    public Task DeleteAsync(long agentId, CancellationToken cancellationToken = default) => DeleteAsync(agentId, null, cancellationToken);

    public Task DeleteAsync(long agentId, GenProRequestOptions? requestOptions, CancellationToken cancellationToken = default)
    {
        Guard.Id(agentId, nameof(agentId));
        requestOptions = RequestOptionsChecks.Checked(requestOptions, nameof(requestOptions));
        return runner.RunAsync(
            new OperationContext(DeleteName, requestOptions) { AgentId = agentId },
            (api, agentId),
            static (s, call) => s.api.DeleteAsync(s.agentId, call),
            cancellationToken);
    }

    /// <summary>The provider keys a request sends, for scrubbing from anything that quotes the response; null when none.</summary>
    private static string[]? ProviderKeys(string? elevenLabsApiKey, string? humeAiApiKey) =>
        (elevenLabsApiKey, humeAiApiKey) switch
        {
            (null, null) => null,
            ({ } a, null) => [a],
            (null, { } b) => [b],
            ({ } a, { } b) => [a, b],
        };
}
