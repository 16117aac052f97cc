namespace GenPro.Sdk.Testing.State;

/// <summary>A workspace and its members' roles; mutated only under <see cref="FakeStore.Gate"/>.</summary>
internal sealed class WorkspaceEntity(FakeWorkspace workspace)
{
    public FakeWorkspace Workspace { get; } = workspace;

    public Dictionary<long, FakeWorkspaceRole> Members { get; } = [];
}
