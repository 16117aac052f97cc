using GenPro.Sdk.Tests.Infrastructure;

namespace GenPro.Sdk.Tests.Agents;

/// <summary>Invalid calls fail with argument exceptions before a single byte reaches the server.</summary>
public sealed class AgentArgumentTests : IDisposable
{
    private readonly ApiServer _api = new();

    public void Dispose() => _api.Dispose();

    public static TheoryData<string, Type, string> Calls => new()
    {
        { "create null", typeof(ArgumentNullException), "request" },
        { "create empty name", typeof(ArgumentException), "request" },
        { "create blank name", typeof(ArgumentException), "request" },
        { "create null avatar", typeof(ArgumentException), "request" },
        { "create organization 0", typeof(ArgumentOutOfRangeException), "request.OrganizationId" },
        { "create blank time zone", typeof(ArgumentException), "request" },
        { "list workspace 0", typeof(ArgumentOutOfRangeException), "workspaceId" },
        { "get 0", typeof(ArgumentOutOfRangeException), "agentId" },
        { "get -1", typeof(ArgumentOutOfRangeException), "agentId" },
        { "update 0", typeof(ArgumentOutOfRangeException), "agentId" },
        { "update null", typeof(ArgumentNullException), "request" },
        { "update nothing", typeof(ArgumentException), "request" },
        { "update blank name", typeof(ArgumentException), "request" },
        { "update two primaries", typeof(ArgumentException), "request" },
        { "delete 0", typeof(ArgumentOutOfRangeException), "agentId" },
        { "degod 0", typeof(ArgumentOutOfRangeException), "deGodAvatarId" },
        { "voice blank", typeof(ArgumentException), "voiceId" },
        { "voice resource 0", typeof(ArgumentOutOfRangeException), "voiceResourceId" },
    };

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task Invalid_calls_throw_argument_exceptions_and_send_nothing(string call, Type expected, string paramName)
    {
        _api.Respond("GET", "/v1/agents", 200, "[]");
        var agents = _api.Client.Agents;

        var e = await Assert.ThrowsAnyAsync<ArgumentException>(() => call switch
        {
            "create null" => agents.CreateAsync(null!),
            "create empty name" => agents.CreateAsync(new CreateAgentRequest { Name = "" }),
            "create blank name" => agents.CreateAsync(new CreateAgentRequest { Name = "  " }),
            "create null avatar" => agents.CreateAsync(new CreateAgentRequest { Name = "A", Avatars = { null! } }),
            "create organization 0" => agents.CreateAsync(new CreateAgentRequest { Name = "A", OrganizationId = 0 }),
            "create blank time zone" => agents.CreateAsync(new CreateAgentRequest { Name = "A", TimeZone = " " }),
            "list workspace 0" => agents.ListAsync(0),
            "get 0" => agents.GetAsync(0),
            "get -1" => agents.GetAsync(-1),
            "update 0" => agents.UpdateAsync(0, new UpdateAgentRequest { Name = "A" }),
            "update null" => agents.UpdateAsync(1, null!),
            "update nothing" => agents.UpdateAsync(1, new UpdateAgentRequest()),
            "update blank name" => agents.UpdateAsync(1, new UpdateAgentRequest { Name = "" }),
            "update two primaries" => agents.UpdateAsync(1, new UpdateAgentRequest
            {
                Avatars = { AvatarUpload.FromDeGod(1).AsPrimary(), AvatarUpload.FromDeGod(2).AsPrimary() },
            }),
            "delete 0" => agents.DeleteAsync(0),
            "degod 0" => Task.FromResult(AvatarUpload.FromDeGod(0)),
            "voice blank" => Task.FromResult(DefaultVoiceSelection.ElevenLabs(" ")),
            "voice resource 0" => Task.FromResult(DefaultVoiceSelection.UserVoiceResource(0)),
            _ => throw new InvalidOperationException(call),
        });

        e.GetType().Should().Be(expected);
        e.ParamName.Should().Be(paramName);
        _api.Requests.Should().BeEmpty();
    }
}
