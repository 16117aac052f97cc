using FsCheck.Fluent;
using GenPro.Sdk.Tests.Infrastructure;

namespace GenPro.Sdk.Tests.CallerInput;

/// <summary>
/// Every id parameter, over any <see cref="long"/>: a positive id goes into the path or query in decimal, exactly; zero
/// or a negative one is refused with <see cref="ArgumentOutOfRangeException"/> naming the parameter, before sending.
/// </summary>
public sealed class IdInputTests : RecordingOnBothPaths
{
    /// <summary>Each operation: its id parameter, how to call it with an id, the target it must send, and the body it reads.</summary>
    private static readonly (string Param, Func<IGenProClient, long, Task> Call, Func<long, string> Target, string? Json)[] Operations =
    [
        ("workspaceId", (c, id) => c.Agents.ListAsync(id), id => $"GET /v1/agents?workspace_id={id}", "[]"),
        ("agentId", (c, id) => c.Agents.GetAsync(id), id => $"GET /v1/agents/{id}", Samples.Agent),
        ("agentId", (c, id) => c.Agents.UpdateAsync(id, new UpdateAgentRequest { Name = "n" }), id => $"PATCH /v1/agents/{id}", Samples.UpdatedAgent),
        ("agentId", (c, id) => c.Agents.DeleteAsync(id), id => $"DELETE /v1/agents/{id}", null),
        ("agentId", (c, id) => c.Avatars.ListAsync(id).AsPages().ToListAsync().AsTask(), id => $"GET /v1/agents/{id}/avatars", "[]"),
        ("agentId", (c, id) => c.Avatars.SetPrimaryAsync(id, 7), id => $"PATCH /v1/agents/{id}/avatars/7", null),
        ("avatarId", (c, id) => c.Avatars.SetPrimaryAsync(7, id), id => $"PATCH /v1/agents/7/avatars/{id}", null),
        ("agentId", (c, id) => c.Avatars.DeleteAsync(id, 7), id => $"DELETE /v1/agents/{id}/avatars/7", null),
        ("avatarIds", (c, id) => c.Avatars.DeleteAsync(7, [id]), id => $"DELETE /v1/agents/7/avatars/{id}", null),
        ("agentId", (c, id) => c.Avatars.UploadAsync(id, AvatarUpload.FromBytes(Images.Png, "a.png")), id => $"POST /v1/agents/{id}/avatars", null),
    ];

    [Fact]
    public void Any_id_is_sent_in_decimal_or_refused_naming_its_parameter()
    {
        var gen =
            from operation in Gen.Choose(0, Operations.Length - 1)
            from id in CallerInputCases.AnyId()
            from di in Gen.Elements(false, true)
            select (Operation: operation, Id: id, Client: di ? Di : Constructed);

        CallerInputCases.ForAll(gen, c =>
        {
            var (param, call, target, json) = Operations[c.Operation];
            var before = Server.Requests.Count;
            if (c.Id <= 0)
            {
                var e = FluentActions.Awaiting(() => call(c.Client, c.Id)).Should().ThrowAsync<ArgumentOutOfRangeException>().GetAwaiter().GetResult().Which;
                e.ParamName.Should().Be(param);
                Server.Requests.Should().HaveCount(before);
                return;
            }

            Server.ResponseJson = json;
            call(c.Client, c.Id).GetAwaiter().GetResult();
            Server.Requests.Should().HaveCount(before + 1);
            var request = Server.Requests[^1];
            var expected = target(c.Id);
            (request.Method + " " + request.Target).Should().StartWith(expected);
            if (expected.Contains('?', StringComparison.Ordinal) || !request.Target.Contains('?', StringComparison.Ordinal))
            {
                (request.Method + " " + request.Target).Should().Be(expected);
            }
        });
    }

    [Fact]
    public void A_degod_id_is_refused_when_the_upload_is_made_unless_positive()
    {
        CallerInputCases.ForAll(CallerInputCases.AnyId(), id =>
        {
            if (id <= 0)
            {
                FluentActions.Invoking(() => AvatarUpload.FromDeGod(id)).Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("deGodAvatarId");
            }
            else
            {
                AvatarUpload.FromDeGod(id).DeGodAvatarId.Should().Be(id);
            }
        });
    }
}
