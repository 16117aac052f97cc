namespace GenPro.Sdk.Testing.State;

/// <summary>
/// An agent as the store keeps it: its state is one immutable <see cref="FakeAgent"/>, replaced with <c>with</c> under
/// <see cref="FakeStore.Gate"/>, beside the setup project, which snapshots do not show. The record's
/// <see cref="FakeAgent.PrimaryAvatarId"/> stays null: the avatars decide it (<see cref="FakeStore.Snapshot"/>). Provider
/// keys are not kept, only whether one was stored: nothing reads them back, and a fake holds no secret it need not.
/// </summary>
internal sealed class AgentEntity(FakeAgent record, long setupProjectId)
{
    public FakeAgent Record { get; set; } = record;

    public long Id => Record.Id;

    public long SetupProjectId { get; } = setupProjectId;
}
