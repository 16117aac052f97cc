using GenPro.Sdk.Bodies;
using GenPro.Sdk.Operations;
using Refit;

namespace GenPro.Sdk.Agents;

/// <summary>
/// The agent endpoints of <c>https://api.gen.pro/v1</c>, one method each, as Refit's source generator implements them
/// (<c>RestService.ForGenerated</c>; <c>RefitRequireGeneratedRequests</c> makes a reflection fallback a build error).
/// Refit builds each request (route, query, the JSON body through <see cref="Serialization.GenProContentSerializer"/>),
/// sends it through the client's handler chain and reads the success body into the declared model; error statuses
/// become the SDK's typed exceptions through <c>RefitSettings.ExceptionFactory</c> (<see cref="Operations.RefitClients"/>).
/// <para>
/// Every method takes the operation's <see cref="OperationContext"/> as a Refit <c>[Property]</c>: it travels in
/// <see cref="HttpRequestMessage.Options"/> to the SDK's handlers (deadline, retries, redirects, the API key and request
/// id) and to the serializer (the body limit). None takes a <see cref="CancellationToken"/>: the context's deadline
/// links the caller's token, the client's timeout and its disposal, and the outermost handler applies it, so
/// <see cref="HttpClient"/> is not given a token it would link a source of its own to on every call.
/// </para>
/// <para>
/// Bodies: create and update take the <see cref="AgentBody"/> description, which the serializer writes as JSON (through
/// the JSON context's converter) or, when a file travels, as the Rails multipart form the SDK built beforehand (raw
/// UTF-8 file names, indexed nested avatars, images checked before sending, upload progress): Refit's multipart support
/// cannot write Rails field names nor stream a caller's file with progress.
/// </para>
/// </summary>
internal interface IAgentsApi
{
    /// <summary><c>GET /agents</c>: the agents the key can see, of one workspace when <paramref name="workspaceId"/> is given.</summary>
    [Get("/agents")]
    Task<List<AgentSummary>> ListAsync(
        [AliasAs("workspace_id")] long? workspaceId,
        [Property(OperationContext.PropertyKey)] OperationContext call);

    /// <summary><c>POST /agents</c>: creates an agent; answers <c>{"agent": {…}}</c>.</summary>
    [Post("/agents")]
    Task<AgentEnvelope> CreateAsync(
        [Body] AgentBody body,
        [Property(OperationContext.PropertyKey)] OperationContext call);

    /// <summary><c>GET /agents/{id}</c>: one agent; <c>with_organization_uuid=true</c> adds its organization's UUID.</summary>
    [Get("/agents/{agentId}")]
    Task<Agent> GetAsync(
        long agentId,
        [AliasAs("with_organization_uuid")] QueryFlag? withOrganizationUuid,
        [Property(OperationContext.PropertyKey)] OperationContext call);

    /// <summary><c>PATCH /agents/{id}</c>: changes the fields the body names; answers <c>{"agent": {…}}</c>.</summary>
    [Patch("/agents/{agentId}")]
    Task<AgentEnvelope> UpdateAsync(
        long agentId,
        [Body] AgentBody body,
        [Property(OperationContext.PropertyKey)] OperationContext call);

    /// <summary><c>DELETE /agents/{id}</c>: deletes the agent; the answer has no body the SDK reads.</summary>
    [Delete("/agents/{agentId}")]
    Task DeleteAsync(
        long agentId,
        [Property(OperationContext.PropertyKey)] OperationContext call);
}
