namespace GenPro.Sdk.Testing;

/// <summary>A workspace (an "organization" on the wire).</summary>
/// <param name="Id">The workspace id, sent as <c>organization_id</c> and <c>workspace_id</c>.</param>
/// <param name="Name">The workspace name, returned as <c>organization</c> by the list endpoint.</param>
/// <param name="Uuid">The UUID that <c>GET /v1/agents/:id?with_organization_uuid=true</c> returns as <c>organization_uuid</c>.</param>
public sealed record FakeWorkspace(long Id, string Name, Guid Uuid);
