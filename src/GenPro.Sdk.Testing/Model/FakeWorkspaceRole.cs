namespace GenPro.Sdk.Testing;

/// <summary>A user's role in a workspace, lowest first. Its lower-case name is what the API returns as <c>role</c>.</summary>
public enum FakeWorkspaceRole
{
    /// <summary>May see the workspace's agents and nothing more.</summary>
    Viewer = 0,

    /// <summary>May also update agents and their avatars.</summary>
    Editor = 1,

    /// <summary>May also create agents in the workspace (<c>manage_agents</c>) and delete any of them.</summary>
    Manager = 2,

    /// <summary>Owns the workspace: everything a manager may do.</summary>
    Owner = 3,
}
