using System.Net;
using GenPro.Sdk.Testing.Tests.Infrastructure;

namespace GenPro.Sdk.Testing.Tests;

/// <summary>The SDK's agent endpoints against the fake, through both modes.</summary>
public sealed class SdkClientTests
{

    [Theory]
    [MemberData(nameof(Modes.Both), MemberType = typeof(Modes))]
    public async Task Create_list_get_update_delete_round_trip(Mode mode)
    {
        await using var h = await Harness.StartAsync(mode);
        using var client = h.Sdk();

        var created = await client.Agents.CreateAsync(new CreateAgentRequest
        {
            Name = "TrendBot",
            OrganizationId = h.Company.Id,
            TimeZone = "America/New_York",
            Avatars = { AvatarUpload.FromDeGod(7) },
        });
        var listed = await client.Agents.ListAsync(workspaceId: h.Company.Id);
        var voice = h.Fake.AddVoiceResource("Sarah", "female", "English");
        var updated = await client.Agents.UpdateAsync(created.Id, new UpdateAgentRequest
        {
            Name = "TrendBot v2",
            DefaultVoice = DefaultVoiceSelection.UserVoiceResource(voice.Id),
        });
        var fetched = await client.Agents.GetAsync(created.Id, includeOrganizationUuid: true);

        created.OrganizationId.Should().Be(h.Company.Id);
        created.PrimaryAvatarId.Should().Be(h.Fake.Avatars.Single().Id);
        listed.Should().ContainSingle().Which.Organization.Should().Be("My Company");
        updated.Name.Should().Be("TrendBot v2");
        updated.DefaultUserVoice!.VoiceId.Should().Be(voice.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        fetched.DefaultUserVoice!.Name.Should().Be("Sarah");
        fetched.AdditionalProperties!["organization_uuid"].GetString().Should().Be(h.Company.Uuid.ToString());

        await client.Agents.DeleteAsync(created.Id);
        h.Fake.Agents.Single().IsDeleted.Should().BeTrue();
    }

    [Theory]
    [MemberData(nameof(Modes.Both), MemberType = typeof(Modes))]
    public async Task Errors_become_typed_exceptions(Mode mode)
    {
        await using var h = await Harness.StartAsync(mode);
        var agent = h.Fake.AddAgent(h.AliceUser, "Team", h.Company);
        using var alice = h.Sdk();
        using var bob = h.Sdk(Harness.Bob);
        using var stranger = h.Sdk("gen_pat_unknown");

        (await alice.Agents.Invoking(c => c.GetAsync(999)).Should().ThrowAsync<GenProNotFoundException>())
            .Which.Should().Match<GenProNotFoundException>(e => e.ErrorCode == "agent_not_found" && e.StatusCode == HttpStatusCode.UnprocessableEntity);
        (await bob.Agents.Invoking(c => c.DeleteAsync(agent.Id)).Should().ThrowAsync<GenProPermissionException>())
            .Which.ErrorCode.Should().Be("forbidden");
        (await bob.Agents.Invoking(c => c.UpdateAsync(agent.Id, new UpdateAgentRequest { Name = "X" })).Should().ThrowAsync<GenProPermissionException>())
            .Which.ErrorCode.Should().Be("permission_denied");
        (await alice.Agents.Invoking(c => c.CreateAsync(new CreateAgentRequest { Name = "Team", OrganizationId = h.Company.Id })).Should().ThrowAsync<GenProValidationException>())
            .Which.ErrorCode.Should().Be("agent_creation_failed");
        (await alice.Agents.Invoking(c => c.CreateAsync(new CreateAgentRequest { Name = "Y", OrganizationId = 999 })).Should().ThrowAsync<GenProNotFoundException>())
            .Which.ErrorCode.Should().Be("organization_not_found");
        (await stranger.Agents.Invoking(c => c.ListAsync()).Should().ThrowAsync<GenProAuthenticationException>())
            .Which.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(Modes.Both), MemberType = typeof(Modes))]
    public async Task Faults_reach_the_sdk_as_typed_exceptions(Mode mode)
    {
        await using var h = await Harness.StartAsync(mode);
        var agent = h.Fake.AddAgent(h.AliceUser, "A");
        using var client = h.Sdk(maxRetries: 0);
        h.Fake.Faults
            .Add(FakeFault.RateLimited(TimeSpan.FromSeconds(3)))
            .Add(FakeFault.Status(HttpStatusCode.ServiceUnavailable))
            .Add(FakeFault.DropConnection());

        (await client.Agents.Invoking(c => c.DeleteAsync(agent.Id)).Should().ThrowAsync<GenProRateLimitException>())
            .Which.RetryAfter.Should().Be(TimeSpan.FromSeconds(3));
        await client.Agents.Invoking(c => c.DeleteAsync(agent.Id)).Should().ThrowAsync<GenProServerException>();
        await client.Agents.Invoking(c => c.DeleteAsync(agent.Id)).Should().ThrowAsync<GenProConnectionException>();
        h.Fake.Agents.Single().IsDeleted.Should().BeFalse();
    }

    [Theory]
    [MemberData(nameof(Modes.Both), MemberType = typeof(Modes))]
    public async Task Every_error_code_the_fake_sends_is_a_GenProErrorCodes_constant(Mode mode)
    {
        await using var h = await Harness.StartAsync(mode);
        var known = typeof(GenProErrorCodes).GetFields().Select(f => (string)f.GetRawConstantValue()!).ToHashSet();
        using var client = h.Sdk(maxRetries: 0);
        h.Fake.Faults.Add(FakeFault.RateLimited());

        var rateLimited = (await client.Agents.Invoking(c => c.ListAsync()).Should().ThrowExactlyAsync<GenProRateLimitException>()).Which;
        var (_, badRequest, _) = await h.PostJsonAsync("agents", """{"agent": {"name": """);

        rateLimited.ErrorCode.Should().Be(GenProErrorCodes.RateLimited);
        JsonAssert.Error(badRequest, GenProErrorCodes.BadRequest);
        // Every literal error_code in the fake's sources (the endpoints, the core and the faults) is one of the constants.
        var sources = Directory.GetFiles(Path.Combine(RepositoryRoot(), "src", "GenPro.Sdk.Testing"), "*.cs", SearchOption.AllDirectories);
        var codes = sources.SelectMany(file => System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(file),
                @"(?:ApiError\(\w+, |new\(\w+, |Error\(\d+, |ErrorCode = |const string \w+Failed = )""([a-z_]+)""").Select(m => m.Groups[1].Value))
            .ToHashSet();
        codes.Should().Contain(["rate_limited", "bad_request", "unauthorized", "forbidden", "agent_not_found", "agent_creation_failed"]).And.BeSubsetOf(known);
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GenPro.Sdk.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("GenPro.Sdk.sln not found above " + AppContext.BaseDirectory);
    }

    [Theory]
    [MemberData(nameof(Modes.Both), MemberType = typeof(Modes))]
    public async Task A_dropped_connection_reads_the_same_over_a_socket_as_in_process(Mode mode)
    {
        await using var h = await Harness.StartAsync(mode);
        using var client = h.Sdk(maxRetries: 0);
        h.Fake.Faults.Add(FakeFault.DropConnection());

        (await client.Agents.Invoking(c => c.ListAsync()).Should().ThrowExactlyAsync<GenProConnectionException>())
            .Which.Message.Should().MatchRegex(@"^Agents\.List failed: the server closed the connection before answering in full\. \(request id [0-9a-f-]{36}\)$");
    }

    [Theory]
    [MemberData(nameof(Modes.Both), MemberType = typeof(Modes))]
    public async Task The_sdk_retries_through_transient_faults(Mode mode)
    {
        await using var h = await Harness.StartAsync(mode);
        var agent = h.Fake.AddAgent(h.AliceUser, "A");
        using var client = h.Sdk();
        h.Fake.Faults
            .Add(FakeFault.Status(HttpStatusCode.ServiceUnavailable))
            .Add(FakeFault.DropConnection());

        await client.Agents.DeleteAsync(agent.Id);

        h.Fake.Agents.Single().IsDeleted.Should().BeTrue();
        h.Fake.ReceivedRequests.Should().HaveCount(3, "a 503 and a dropped connection, each retried, then the delete");
    }

    [Theory]
    [MemberData(nameof(Modes.Both), MemberType = typeof(Modes))]
    public async Task Delete_and_its_errors_through_the_sdk(Mode mode)
    {
        await using var h = await Harness.StartAsync(mode);
        var agent = h.Fake.AddAgent(h.AliceUser, "Team", h.Company);
        using var alice = h.Sdk();
        using var bob = h.Sdk(Harness.Bob);
        using var stranger = h.Sdk("gen_pat_unknown");

        (await bob.Agents.Invoking(c => c.DeleteAsync(agent.Id)).Should().ThrowAsync<GenProPermissionException>())
            .Which.ErrorCode.Should().Be("forbidden");
        (await stranger.Agents.Invoking(c => c.DeleteAsync(agent.Id)).Should().ThrowAsync<GenProAuthenticationException>())
            .Which.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        await alice.Agents.DeleteAsync(agent.Id);
        (await alice.Agents.Invoking(c => c.DeleteAsync(agent.Id)).Should().ThrowAsync<GenProNotFoundException>())
            .Which.Should().Match<GenProNotFoundException>(e => e.ErrorCode == "agent_not_found" && e.StatusCode == HttpStatusCode.UnprocessableEntity);
        h.Fake.Agents.Single().IsDeleted.Should().BeTrue();
    }

    [Fact]
    public async Task The_sdk_sends_its_key_and_user_agent()
    {
        await using var h = await Harness.StartAsync(Mode.Handler);
        var agent = h.Fake.AddAgent(h.AliceUser, "A");
        using var client = h.Sdk();

        await client.Agents.DeleteAsync(agent.Id);

        var request = h.Fake.ReceivedRequests.Single();
        request.PathAndQuery.Should().Be($"/v1/agents/{agent.Id}");
        request.Header("X-API-Key").Should().Be(Harness.Alice);
        request.Header("User-Agent").Should().StartWith("GenPro.Sdk/");
    }
}
