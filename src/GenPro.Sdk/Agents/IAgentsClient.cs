using System.Diagnostics.CodeAnalysis;

namespace GenPro.Sdk;

/// <summary>The agent endpoints: list, create, get, update and delete. Thread-safe; reach it through <see cref="IGenProClient.Agents"/>.</summary>
public interface IAgentsClient
{
    /// <summary>Lists the agents the key can see (<c>GET /agents</c>).</summary>
    /// <param name="workspaceId">Only agents of this workspace; null for all.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The agents, in the API's order.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="workspaceId"/> is not positive.</exception>
    /// <exception cref="GenProException">The API refused the call or could not be reached.</exception>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The per-call options overload takes them as a required parameter, so calls without them bind to the simpler overload as before.")]
    Task<IReadOnlyList<AgentSummary>> ListAsync(long? workspaceId = null, CancellationToken cancellationToken = default);

    /// <summary>Lists the agents the key can see, with per-call options; see <see cref="ListAsync(long?, CancellationToken)"/>.</summary>
    /// <param name="workspaceId">Only agents of this workspace; null for all.</param>
    /// <param name="requestOptions">Extra headers, a request id, a timeout and a response hook for this call; null for none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The agents, in the API's order.</returns>
    /// <exception cref="ArgumentException"><paramref name="requestOptions"/> sets a header the SDK owns, or is otherwise invalid.</exception>
    /// <exception cref="GenProException">The API refused the call or could not be reached.</exception>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The per-call options overload takes them as a required parameter, so calls without them bind to the simpler overload as before.")]
    Task<IReadOnlyList<AgentSummary>> ListAsync(long? workspaceId, GenProRequestOptions? requestOptions, CancellationToken cancellationToken = default);

    /// <summary>Creates an agent (<c>POST /agents</c>).</summary>
    /// <param name="request">The agent to create.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created agent.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="ArgumentException">The request is invalid, such as a blank name.</exception>
    /// <exception cref="GenProValidationException">The name is taken (<c>agent_creation_failed</c>) or a provider key was rejected.</exception>
    /// <exception cref="GenProNotFoundException">The workspace does not exist or is not visible (<c>organization_not_found</c>).</exception>
    /// <exception cref="IOException">An avatar image file or stream could not be read (the stream's own failure is the inner exception).</exception>
    /// <exception cref="GenProException">The API refused the call or could not be reached.</exception>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The per-call options overload takes them as a required parameter, so calls without them bind to the simpler overload as before.")]
    Task<Agent> CreateAsync(CreateAgentRequest request, CancellationToken cancellationToken = default);

    /// <summary>Creates an agent, with per-call options; see <see cref="CreateAsync(CreateAgentRequest, CancellationToken)"/>.</summary>
    /// <param name="request">The agent to create.</param>
    /// <param name="requestOptions">Extra headers, a request id, a timeout and a response hook for this call; null for none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created agent.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="ArgumentException">The request or <paramref name="requestOptions"/> is invalid.</exception>
    /// <exception cref="IOException">An avatar image file or stream could not be read (the stream's own failure is the inner exception).</exception>
    /// <exception cref="GenProException">The API refused the call or could not be reached.</exception>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The per-call options overload takes them as a required parameter, so calls without them bind to the simpler overload as before.")]
    Task<Agent> CreateAsync(CreateAgentRequest request, GenProRequestOptions? requestOptions, CancellationToken cancellationToken = default);

    /// <summary>Gets one agent (<c>GET /agents/:id</c>).</summary>
    /// <param name="agentId">The agent's id.</param>
    /// <param name="includeOrganizationUuid">Also return the workspace UUID (in <see cref="Agent.AdditionalProperties"/>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The agent.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="agentId"/> is not positive.</exception>
    /// <exception cref="GenProNotFoundException">No such agent (<c>agent_not_found</c>).</exception>
    /// <exception cref="GenProException">The API refused the call or could not be reached.</exception>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The per-call options overload takes them as a required parameter, so calls without them bind to the simpler overload as before.")]
    Task<Agent> GetAsync(long agentId, bool includeOrganizationUuid = false, CancellationToken cancellationToken = default);

    /// <summary>Gets one agent, with per-call options; see <see cref="GetAsync(long, bool, CancellationToken)"/>.</summary>
    /// <param name="agentId">The agent's id.</param>
    /// <param name="includeOrganizationUuid">Also return the workspace UUID (in <see cref="Agent.AdditionalProperties"/>).</param>
    /// <param name="requestOptions">Extra headers, a request id, a timeout and a response hook for this call; null for none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The agent.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="agentId"/> is not positive.</exception>
    /// <exception cref="ArgumentException"><paramref name="requestOptions"/> sets a header the SDK owns, or is otherwise invalid.</exception>
    /// <exception cref="GenProException">The API refused the call or could not be reached.</exception>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The per-call options overload takes them as a required parameter, so calls without them bind to the simpler overload as before.")]
    Task<Agent> GetAsync(long agentId, bool includeOrganizationUuid, GenProRequestOptions? requestOptions, CancellationToken cancellationToken = default);

    /// <summary>Changes an agent (<c>PATCH /agents/:id</c>); needs the editor role or higher.</summary>
    /// <param name="agentId">The agent's id.</param>
    /// <param name="request">What to change; only the properties set are sent.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The agent after the change.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="ArgumentException">The request changes nothing, or holds a blank value.</exception>
    /// <exception cref="GenProValidationException">The change was refused (<c>validation_error</c>, <c>voice_id_required</c>, …).</exception>
    /// <exception cref="IOException">An avatar image file or stream could not be read (the stream's own failure is the inner exception).</exception>
    /// <exception cref="GenProException">The API refused the call or could not be reached.</exception>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The per-call options overload takes them as a required parameter, so calls without them bind to the simpler overload as before.")]
    Task<Agent> UpdateAsync(long agentId, UpdateAgentRequest request, CancellationToken cancellationToken = default);

    /// <summary>Changes an agent, with per-call options; see <see cref="UpdateAsync(long, UpdateAgentRequest, CancellationToken)"/>.</summary>
    /// <param name="agentId">The agent's id.</param>
    /// <param name="request">What to change; only the properties set are sent.</param>
    /// <param name="requestOptions">Extra headers, a request id, a timeout and a response hook for this call; null for none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The agent after the change.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="ArgumentException">The request or <paramref name="requestOptions"/> is invalid.</exception>
    /// <exception cref="IOException">An avatar image file or stream could not be read (the stream's own failure is the inner exception).</exception>
    /// <exception cref="GenProException">The API refused the call or could not be reached.</exception>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The per-call options overload takes them as a required parameter, so calls without them bind to the simpler overload as before.")]
    Task<Agent> UpdateAsync(long agentId, UpdateAgentRequest request, GenProRequestOptions? requestOptions, CancellationToken cancellationToken = default);

    /// <summary>Deletes an agent (<c>DELETE /agents/:id</c>, a soft delete); needs the owner or manager role, or being its creator.</summary>
    /// <param name="agentId">The agent's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the agent is deleted.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="agentId"/> is not positive.</exception>
    /// <exception cref="GenProPermissionException">The key may not delete this agent (<c>forbidden</c>).</exception>
    /// <exception cref="GenProException">The API refused the call or could not be reached.</exception>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The per-call options overload takes them as a required parameter, so calls without them bind to the simpler overload as before.")]
    Task DeleteAsync(long agentId, CancellationToken cancellationToken = default);

    /// <summary>Deletes an agent, with per-call options; see <see cref="DeleteAsync(long, CancellationToken)"/>.</summary>
    /// <param name="agentId">The agent's id.</param>
    /// <param name="requestOptions">Extra headers, a request id, a timeout and a response hook for this call; null for none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the agent is deleted.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="agentId"/> is not positive.</exception>
    /// <exception cref="ArgumentException"><paramref name="requestOptions"/> sets a header the SDK owns, or is otherwise invalid.</exception>
    /// <exception cref="GenProException">The API refused the call or could not be reached.</exception>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The per-call options overload takes them as a required parameter, so calls without them bind to the simpler overload as before.")]
    Task DeleteAsync(long agentId, GenProRequestOptions? requestOptions, CancellationToken cancellationToken = default);
}
